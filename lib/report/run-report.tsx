import { Document, Page, Text, View } from "@react-pdf/renderer";
import { EventLogSection } from "./event-log-section";
import { OverviewSection } from "./overview-section";
import { CodeBlock, Section } from "./parts";
import { LineageSection } from "./lineage-section";
import { formatTime } from "./pdf-text";
import { RemediationSection } from "./remediation-section";
import { SampleSection } from "./sample-section";
import { SpecSection } from "./spec-section";
import { styles } from "./styles";
import { TestsSection } from "./tests-section";
import type { RunReport } from "./types";

function CodeSection({ title, code, missing }: { title: string; code: string | null; missing: string }) {
  return (
    <Section title={title}>{code ? <CodeBlock code={code} /> : <Text style={styles.muted}>{missing}</Text>}</Section>
  );
}

/**
 * The printable record of one run on A4: outcome and timings first, then the plan and its
 * lineage, the code that was run, the data tests, any repairs, a sample of the result and the
 * full event log.
 */
export function RunReportDocument({ report }: { report: RunReport }) {
  const target = report.target ? `${report.target.schema}.${report.target.table}` : null;
  return (
    <Document
      title={`DataMorph run ${report.id.slice(0, 8)}${target ? `: ${target}` : ""}`}
      author={report.user.email}
      subject={report.prompt}
      creator="DataMorph"
      producer="DataMorph"
    >
      <Page size="A4" style={styles.page}>
        <View style={styles.header} fixed>
          <Text>{`DataMorph run report · ${report.id.slice(0, 8)}${target ? ` · ${target}` : ""}`}</Text>
          <Text>{report.status.toUpperCase()}</Text>
        </View>
        <OverviewSection report={report} />
        <SpecSection spec={report.spec} notes={report.plannerNotes} />
        <LineageSection spec={report.spec} />
        <CodeSection title="SQL" code={report.sql} missing="No SQL was generated for this run." />
        <CodeSection title="PySpark" code={report.pyspark} missing="No PySpark job was generated for this run." />
        <TestsSection tests={report.tests} />
        <RemediationSection rounds={report.remediations} built={report.tests.length > 0} />
        <SampleSection sample={report.sample} note={report.sampleNote} target={target} />
        <EventLogSection events={report.events} />
        <View style={styles.footer} fixed>
          <Text>{`Generated ${formatTime(report.generatedAt)}`}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
