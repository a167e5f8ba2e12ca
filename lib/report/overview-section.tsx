import { Text, View } from "@react-pdf/renderer";
import { Callout, Field, Section } from "./parts";
import { formatDuration, formatTime, toPdfText } from "./pdf-text";
import { CONTENT_WIDTH, colors, styles } from "./styles";
import type { RunReport } from "./types";

const BAR_WIDTH = CONTENT_WIDTH - 240;

const STATUS_COLORS: Record<string, string> = {
  succeeded: colors.pass,
  failed: colors.fail,
  rejected: colors.warn,
  interrupted: colors.fail,
};

/** What a reader of the first page wants: the outcome, and why when it is not a success. */
function outcomeOf(report: RunReport): { title: string; detail: string | null } {
  const target = report.target ? `${report.target.schema}.${report.target.table}` : "the target";
  switch (report.status) {
    case "succeeded":
      return {
        title: `Published ${target} with ${(report.rowCount ?? 0).toLocaleString("en-US")} rows.`,
        detail: null,
      };
    case "rejected":
      return { title: "The request was rejected before anything was built.", detail: report.error };
    case "failed":
      return { title: `The run failed; ${target} was not changed.`, detail: report.error };
    case "interrupted":
      return { title: `The run was interrupted; ${target} was not changed.`, detail: report.error };
    default:
      return { title: `The run is ${report.status}; this report shows its progress so far.`, detail: null };
  }
}

/** Title, prompt, run facts, outcome and the time each agent took. */
export function OverviewSection({ report }: { report: RunReport }) {
  const outcome = outcomeOf(report);
  const statusColor = STATUS_COLORS[report.status] ?? colors.muted;
  const slowest = Math.max(1, ...report.agentTimings.map((t) => t.ms));
  return (
    <View>
      <Text style={styles.title}>{toPdfText(report.target ? `Run report: ${report.target.table}` : "Run report")}</Text>
      <Text style={styles.subtitle}>DataMorph run {report.id}</Text>
      <Text style={[styles.small, styles.muted]}>Prompt</Text>
      <Text style={styles.prompt}>{toPdfText(report.prompt)}</Text>
      <View style={styles.fields}>
        <Field label="User" value={`${report.user.name} <${report.user.email}>`} />
        <Field label="Status" value={report.status} />
        <Field label="Target" value={report.target ? `${report.target.schema}.${report.target.table}` : "-"} mono />
        <Field label="Rows" value={report.rowCount === null ? "-" : report.rowCount.toLocaleString("en-US")} />
        <Field label="Started" value={formatTime(report.startedAt ?? report.createdAt)} />
        <Field label="Finished" value={formatTime(report.finishedAt)} />
        <Field label="Duration" value={formatDuration(report.durationMs)} />
        <Field
          label="Confidence"
          value={report.confidence === null ? "-" : `${Math.round(report.confidence * 100)}% (planner)`}
        />
      </View>
      <Callout color={statusColor}>
        <Text style={[styles.bold, { color: statusColor }]}>{toPdfText(outcome.title)}</Text>
        {outcome.detail ? <Text style={{ marginTop: 3 }}>{toPdfText(outcome.detail)}</Text> : null}
      </Callout>
      <Section title="Timings">
        {report.agentTimings.length === 0 ? (
          <Text style={styles.muted}>No agent has reported yet.</Text>
        ) : (
          <View>
            {report.agentTimings.map((t) => (
              <View key={t.agent} style={styles.tableRow} wrap={false}>
                <Text style={{ width: 90 }}>{t.agent}</Text>
                <Text style={{ width: 70, textAlign: "right", paddingRight: 10 }}>{formatDuration(t.ms)}</Text>
                <Text style={[styles.muted, { width: 70 }]}>{`${t.events} event${t.events === 1 ? "" : "s"}`}</Text>
                <View style={{ width: BAR_WIDTH, justifyContent: "center" }}>
                  <View
                    style={{
                      width: Math.max(t.ms > 0 ? 1 : 0, (t.ms / slowest) * BAR_WIDTH),
                      height: 6,
                      backgroundColor: colors.accent,
                    }}
                  />
                </View>
              </View>
            ))}
          </View>
        )}
        <Text style={[styles.small, styles.muted, { marginTop: 3 }]}>
          Agent times add up the timed steps of each agent; the run duration also holds bookkeeping between them.
        </Text>
      </Section>
    </View>
  );
}
