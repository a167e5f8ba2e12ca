import { Text } from "@react-pdf/renderer";
import { DataTable, Section } from "./parts";
import { toPdfText } from "./pdf-text";
import { CONTENT_WIDTH, styles } from "./styles";
import type { ResultSample } from "./types";

/** Courier at the table's 8 pt. */
const CHAR_WIDTH = 4.8;

/** The first rows of the published table, as it was when the report was made. */
export function SampleSection({
  sample,
  note,
  target,
}: {
  sample: ResultSample | null;
  note: string | null;
  target: string | null;
}) {
  if (!sample) {
    return (
      <Section title="Result sample">
        <Text style={styles.muted}>{toPdfText(note ?? "No result to show.")}</Text>
      </Section>
    );
  }
  // Each column as wide as its longest value (up to 40 characters), shrunk together to fit the page.
  const natural = sample.columns.map(
    (title, i) => Math.min(40, Math.max(title.length, ...sample.rows.map((row) => row[i].length))) * CHAR_WIDTH + 10,
  );
  const scale = Math.min(1, CONTENT_WIDTH / natural.reduce((sum, w) => sum + w, 0));
  const numeric = sample.columns.map(
    (_, i) => sample.rows.length > 0 && sample.rows.every((row) => row[i] === "NULL" || /^-?\d+(\.\d+)?$/.test(row[i])),
  );
  return (
    <Section title="Result sample">
      <Text style={{ marginBottom: 4 }}>
        {toPdfText(`The first ${sample.rows.length} rows of ${target ?? "the table"}, read when this report was made.`)}
      </Text>
      <DataTable
        columns={sample.columns.map((title, i) => ({
          title,
          width: natural[i] * scale,
          mono: true,
          lines: 1,
          align: numeric[i] ? "right" : "left",
        }))}
        rows={sample.rows}
      />
      {sample.hiddenColumns.length > 0 ? (
        <Text style={[styles.small, styles.muted, { marginTop: 3 }]}>
          {toPdfText(`${sample.hiddenColumns.length} more column(s) not shown: ${sample.hiddenColumns.join(", ")}.`)}
        </Text>
      ) : null}
    </Section>
  );
}
