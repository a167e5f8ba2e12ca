import { Text, View } from "@react-pdf/renderer";
import type { DataTestResult } from "@/lib/validation/types";
import { DataTable, Section, type Cell } from "./parts";
import { formatDuration, formatValue, toPdfText } from "./pdf-text";
import { CONTENT_WIDTH, colors, styles } from "./styles";

/** Failing rows shown per test: enough to see the pattern, few enough to keep the report short. */
const FAILING_ROWS_SHOWN = 3;
const FAILING_COLUMNS_SHOWN = 6;

function resultCell(test: DataTestResult): Cell {
  if (test.error) return { text: "ERROR", color: colors.fail, bold: true };
  if (test.passed) return { text: "PASS", color: colors.pass, bold: true };
  return test.blocking
    ? { text: "FAIL", color: colors.fail, bold: true }
    : { text: "WARN", color: colors.warn, bold: true };
}

function FailingRows({ test }: { test: DataTestResult }) {
  const rows = test.failingRows.slice(0, FAILING_ROWS_SHOWN);
  const keys = Object.keys(rows[0] ?? {}).slice(0, FAILING_COLUMNS_SHOWN);
  const width = (CONTENT_WIDTH - 16) / Math.max(1, keys.length);
  return (
    <View style={{ marginLeft: 16, marginBottom: 6 }}>
      <Text style={[styles.small, { marginBottom: 2 }]}>
        {toPdfText(`${test.name}: ${test.description}${test.error ? ` (the test could not run: ${test.error})` : ""}`)}
      </Text>
      {keys.length > 0 ? (
        <DataTable
          columns={keys.map((key) => ({ title: key, width, mono: true }))}
          rows={rows.map((row) => keys.map((key) => formatValue(row[key], 40)))}
        />
      ) : null}
      {test.failingCount > rows.length ? (
        <Text
          style={[styles.small, styles.muted]}
        >{`${rows.length} of ${test.failingCount.toLocaleString("en-US")} failing rows shown.`}</Text>
      ) : null}
    </View>
  );
}

/** Every data test of the last build, then a few of the rows that broke each failing one. */
export function TestsSection({ tests }: { tests: DataTestResult[] }) {
  const failing = tests.filter((t) => !t.passed);
  return (
    <Section title="Data tests">
      {tests.length === 0 ? (
        <Text style={styles.muted}>No table was built, so no data test ran.</Text>
      ) : (
        <View>
          <Text style={{ marginBottom: 4 }}>
            {toPdfText(
              `${tests.length - failing.length} of ${tests.length} tests passed on the last build. A failing blocking test stops the publish; a warning does not.`,
            )}
          </Text>
          <DataTable
            columns={[
              { title: "Result", width: 38 },
              { title: "Test", width: 150, mono: true },
              { title: "Clause", width: 120, mono: true },
              { title: "From the prompt", width: 107 },
              { title: "Failing", width: 50, align: "right" },
              { title: "Time", width: CONTENT_WIDTH - 465, align: "right" },
            ]}
            rows={tests.map((t) => [
              resultCell(t),
              t.name,
              t.clause,
              t.phrase ? `"${t.phrase}"` : "implied",
              t.failingCount.toLocaleString("en-US"),
              formatDuration(t.ms),
            ])}
          />
          {failing.length > 0 ? <Text style={styles.subheading}>Failing rows</Text> : null}
          {failing.map((t) => (
            <FailingRows key={t.name} test={t} />
          ))}
        </View>
      )}
    </Section>
  );
}
