import type { Outcome } from "@/lib/eval/outcome";
import type { EvalTotals, FileTotals } from "@/lib/eval/summary";
import { formatTable } from "./output";

/** The mark of each outcome in the progress lines. */
export const outcomeMark: Record<Outcome, string> = {
  correct: "✓",
  correct_after_answers: "✓",
  asked: "?",
  refused_as_expected: "·",
  refused_wrong_reason: "?",
  refused_should_build: "·",
  silently_wrong: "✗",
  error: "!",
};

const columns: [string, keyof EvalTotals][] = [
  ["cases", "cases"],
  ["correct", "correct"],
  ["correct after answers", "correctAfterAnswers"],
  ["asked", "asked"],
  ["refused as expected", "refusedAsExpected"],
  ["refused, wrong reason", "refusedWrongReason"],
  ["refused, should build", "refusedShouldBuild"],
  ["silently wrong", "silentlyWrong"],
  ["errors", "errors"],
];

/** One line per eval file and, under several files, one for all of them. */
export function formatEvalSummary(files: FileTotals[], totals: EvalTotals): string {
  const lines = files.length > 1 ? [...files, { ...totals, file: "all" }] : files;
  return formatTable(
    ["file", ...columns.map(([label]) => label)],
    lines.map((line) => [line.file, ...columns.map(([, key]) => line[key])]),
  );
}
