import { isAsExpected, type Outcome } from "./outcome";

/** Counts of an evaluation; `passed` counts correct tables and refusals as expected. */
export type EvalTotals = {
  cases: number;
  passed: number;
  correct: number;
  correctAfterAnswers: number;
  /** Requests that have an answer, left waiting on a question the case does not answer. */
  asked: number;
  refusedAsExpected: number;
  refusedWrongReason: number;
  refusedShouldBuild: number;
  silentlyWrong: number;
  errors: number;
};

/** The per-file line of a summary; `file` is the eval file's name without folder and extension. */
export type FileTotals = EvalTotals & { file: string };

const totalsKey: Record<Outcome, Exclude<keyof EvalTotals, "cases" | "passed">> = {
  correct: "correct",
  correct_after_answers: "correctAfterAnswers",
  asked: "asked",
  refused_as_expected: "refusedAsExpected",
  refused_wrong_reason: "refusedWrongReason",
  refused_should_build: "refusedShouldBuild",
  silently_wrong: "silentlyWrong",
  error: "errors",
};

/** Counts per outcome. */
export function summarise(results: { outcome: Outcome }[]): EvalTotals {
  const totals: EvalTotals = {
    cases: 0,
    passed: 0,
    correct: 0,
    correctAfterAnswers: 0,
    asked: 0,
    refusedAsExpected: 0,
    refusedWrongReason: 0,
    refusedShouldBuild: 0,
    silentlyWrong: 0,
    errors: 0,
  };
  for (const { outcome } of results) {
    totals.cases++;
    if (isAsExpected(outcome)) totals.passed++;
    totals[totalsKey[outcome]]++;
  }
  return totals;
}

/** Counts per eval file, in the order the files were given. */
export function summariseByFile(results: { outcome: Outcome; file?: string }[]): FileTotals[] {
  const files = [...new Set(results.map((r) => r.file ?? ""))];
  return files.map((file) => ({ file, ...summarise(results.filter((r) => (r.file ?? "") === file)) }));
}
