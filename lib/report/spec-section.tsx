import { Text, View } from "@react-pdf/renderer";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { describeSpec } from "./describe-spec";
import { DataTable, keepIdentifiers, Section } from "./parts";
import { toPdfText } from "./pdf-text";
import { CONTENT_WIDTH, colors, styles } from "./styles";

const quoted = (phrase: string) => (phrase ? `"${phrase}"` : "implied");

/** The plan in words: each clause beside the words of the prompt it was read from. */
export function SpecSection({ spec, notes }: { spec: EtlSpec | null; notes: string[] }) {
  if (!spec) {
    return (
      <Section title="Plan">
        <Text style={styles.muted}>The request was not turned into a plan, so nothing was built.</Text>
      </Section>
    );
  }
  const { groups, columns } = describeSpec(spec);
  return (
    <Section title="Plan">
      {groups.map((group) => (
        <View key={group.title} wrap={false} style={{ marginBottom: 4 }}>
          <Text style={[styles.small, styles.bold, styles.muted]}>{group.title.toUpperCase()}</Text>
          {group.lines.map((line, i) => (
            <View key={i} style={{ flexDirection: "row" }}>
              <Text
                style={[styles.mono, { width: CONTENT_WIDTH * 0.58, paddingRight: 8 }]}
                hyphenationCallback={keepIdentifiers}
              >
                {toPdfText(line.text)}
              </Text>
              <Text style={{ width: CONTENT_WIDTH * 0.42, fontFamily: "Helvetica-Oblique", color: colors.muted }}>
                {toPdfText(quoted(line.phrase))}
              </Text>
            </View>
          ))}
        </View>
      ))}
      <Text style={styles.subheading}>Columns</Text>
      <DataTable
        columns={[
          { title: "Column", width: 150, mono: true },
          { title: "Computed as", width: 185, mono: true },
          { title: "From the prompt", width: CONTENT_WIDTH - 335 },
        ]}
        rows={columns.map((c) => [c.name, c.definition, quoted(c.phrase)])}
      />
      {notes.length > 0 ? (
        <View style={{ marginTop: 6 }}>
          <Text style={styles.subheading}>Planner notes</Text>
          {notes.map((note, i) => (
            <Text key={i}>{toPdfText(`- ${note}`)}</Text>
          ))}
        </View>
      ) : null}
    </Section>
  );
}
