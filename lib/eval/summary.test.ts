import { describe, expect, it } from "vitest";
import { readStoredOutcome, readStoredTotals } from "./stored-format";
import { summarise, summariseByFile } from "./summary";

describe("evaluation summaries", () => {
  it("counts each outcome per file and in all, passing only correct tables (directly or after answers) and refusals as expected", () => {
    const results = [
      { file: "a", outcome: "correct" },
      { file: "a", outcome: "refused_wrong_reason" },
      { file: "b", outcome: "refused_as_expected" },
      { file: "b", outcome: "silently_wrong" },
      { file: "b", outcome: "refused_should_build" },
      { file: "a", outcome: "error" },
      { file: "a", outcome: "correct_after_answers" },
      { file: "b", outcome: "asked" },
    ] as const;
    expect(summarise([...results])).toEqual({
      cases: 8,
      passed: 3,
      correct: 1,
      correctAfterAnswers: 1,
      asked: 1,
      refusedAsExpected: 1,
      refusedWrongReason: 1,
      refusedShouldBuild: 1,
      silentlyWrong: 1,
      errors: 1,
    });
    expect(summariseByFile([...results]).map((f) => [f.file, f.cases, f.passed, f.silentlyWrong])).toEqual([
      ["a", 4, 2, 0],
      ["b", 4, 1, 1],
    ]);
  });

  it("reads evaluations stored before refusals had reasons", () => {
    const old = { cases: 10, passed: 6, correct: 4, rejected: 5, failed: 1, silentlyWrong: 0, errors: 0 };
    expect(readStoredTotals(old)).toEqual({
      cases: 10,
      passed: 6,
      correct: 4,
      correctAfterAnswers: 0,
      asked: 0,
      refusedAsExpected: 2,
      refusedWrongReason: 0,
      refusedShouldBuild: 4,
      silentlyWrong: 0,
      errors: 0,
    });
    expect(readStoredOutcome("rejected", "reject")).toBe("refused_as_expected");
    expect(readStoredOutcome("failed", "table")).toBe("refused_should_build");
    expect(readStoredOutcome("refused_wrong_reason", "reject")).toBe("refused_wrong_reason");
  });
});
