import type { Outcome } from "./outcome";
import type { EvalTotals } from "./summary";

// Evaluations stored before refusals had reasons said `rejected` or `failed` for any refusal,
// and every refusal of a must-refuse case passed. These readers give old and new records alike.

/** An evaluation run's totals, as stored by any version. */
export function readStoredTotals(stored: unknown): EvalTotals {
  const t = (stored ?? {}) as Partial<EvalTotals> & { rejected?: number; failed?: number };
  // Totals stored before questions were asked have no answered or asked cases.
  if (t.refusedAsExpected !== undefined) return { correctAfterAnswers: 0, asked: 0, ...t } as EvalTotals;
  const correct = t.correct ?? 0;
  const refusedAsExpected = (t.passed ?? 0) - correct;
  return {
    cases: t.cases ?? 0,
    passed: t.passed ?? 0,
    correct,
    correctAfterAnswers: 0,
    asked: 0,
    refusedAsExpected,
    refusedWrongReason: 0,
    refusedShouldBuild: (t.rejected ?? 0) + (t.failed ?? 0) - refusedAsExpected,
    silentlyWrong: t.silentlyWrong ?? 0,
    errors: t.errors ?? 0,
  };
}

/** A case's outcome, as stored by any version. */
export function readStoredOutcome(outcome: string, expected: string): Outcome {
  if (outcome === "rejected" || outcome === "failed")
    return expected === "reject" ? "refused_as_expected" : "refused_should_build";
  return outcome as Outcome;
}
