import { Text, View } from "@react-pdf/renderer";
import { Callout, DataTable, Section } from "./parts";
import { formatValue, toPdfText } from "./pdf-text";
import { CONTENT_WIDTH, colors, styles } from "./styles";
import type { RemediationRound } from "./types";

/** Each repair round: which tests failed, what the remediator concluded, and what it changed. */
export function RemediationSection({ rounds, built }: { rounds: RemediationRound[]; built: boolean }) {
  return (
    <Section title="Remediation">
      {rounds.length === 0 ? (
        <Text style={styles.muted}>
          {built
            ? "No repair was needed: the first build was the one tested last."
            : "Nothing was built, so nothing was repaired."}
        </Text>
      ) : (
        rounds.map((round) => (
          <View key={round.round} style={{ marginBottom: 8 }}>
            <Text style={styles.subheading}>
              {toPdfText(`Round ${round.round}: ${round.cause.replaceAll("_", " ")}`)}
            </Text>
            {round.failedTests.length > 0 ? (
              <Text style={styles.small}>{toPdfText(`Failing tests: ${round.failedTests.join(", ")}`)}</Text>
            ) : null}
            <Callout color={round.amended ? colors.accent : colors.fail}>
              <Text>{toPdfText(round.diagnosis)}</Text>
            </Callout>
            {round.changes.length > 0 ? (
              <View style={{ marginTop: 4 }}>
                <DataTable
                  columns={[
                    { title: "Spec change", width: 180, mono: true },
                    { title: "Before", width: (CONTENT_WIDTH - 180) / 2, mono: true },
                    { title: "After", width: (CONTENT_WIDTH - 180) / 2, mono: true },
                  ]}
                  rows={round.changes.map((c) => [c.path, formatValue(c.before), formatValue(c.after)])}
                />
              </View>
            ) : (
              <Text style={[styles.small, styles.muted, { marginTop: 3 }]}>
                No safe repair applied, so the run stopped here.
              </Text>
            )}
          </View>
        ))
      )}
    </Section>
  );
}
