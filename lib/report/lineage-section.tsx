import { Text, View } from "@react-pdf/renderer";
import { specLineage } from "@/lib/lineage/column-lineage";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { DataTable, Section } from "./parts";
import { toPdfText } from "./pdf-text";
import { CONTENT_WIDTH, styles } from "./styles";

const how = {
  column: "as is",
  "time bucket": "time bucket",
  aggregate: "aggregate",
  expression: "expression",
} as const;

/**
 * Column-level lineage: each output column with the source columns it is made from and how,
 * then the filters, joins and group-by keys that decide which rows there are.
 */
export function LineageSection({ spec }: { spec: EtlSpec | null }) {
  if (!spec) return null;
  const lineage = specLineage(spec);
  return (
    <Section title="Lineage">
      <DataTable
        columns={[
          { title: "Column", width: 130, mono: true },
          { title: "Source columns", width: 190, mono: true, lines: 4 },
          { title: "Transformation", width: CONTENT_WIDTH - 320, mono: true, lines: 3 },
        ]}
        rows={lineage.columns.map((c) => [
          c.output,
          c.sources.length > 0 ? c.sources.map((s) => `${s.table}.${s.column}`).join(", ") : "every row",
          c.detail && c.transformation !== "column" ? `${how[c.transformation]}: ${c.detail}` : how[c.transformation],
        ])}
      />
      {lineage.rows.length > 0 ? (
        <View style={{ marginTop: 6 }}>
          <Text style={styles.subheading}>Which rows</Text>
          {lineage.rows.map((row, i) => (
            <Text key={i}>{toPdfText(`- ${row.kind}: ${row.detail}`)}</Text>
          ))}
        </View>
      ) : null}
    </Section>
  );
}
