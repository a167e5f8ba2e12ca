import type { RejectCode } from "@/lib/planner/types";
import { refusedFor, type RefusalReason } from "./refusal";

/**
 * How one case came out, from the user's side:
 * - correct: the published table answers the gold query, with no question asked;
 * - correct_after_answers: the same, once the case's answers settled the planner's questions;
 * - asked: a request that has an answer ended waiting on a question the case does not answer:
 *   nothing was built and the user was told what was unclear (a must-refuse request that asks is
 *   a refusal, judged by the planner's code);
 * - refused_as_expected: a must-refuse request refused (for the reason the case gives, if any);
 * - refused_wrong_reason: a must-refuse request refused, but for another reason;
 * - refused_should_build: a request that has an answer refused, or its build failed;
 * - silently_wrong: a table published that does not answer the request (a wrong table, or any
 *   table for a must-refuse request): the user is not told, which makes it the worst outcome;
 * - error: the evaluation itself could not decide (e.g. the gold query failed).
 */
export const OUTCOMES = [
  "correct",
  "correct_after_answers",
  "asked",
  "refused_as_expected",
  "refused_wrong_reason",
  "refused_should_build",
  "silently_wrong",
  "error",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What a case asks for: a table (answered by gold SQL), or a refusal, maybe for one reason. */
export type Expectation = { kind: "table" } | { kind: "refusal"; reason?: RefusalReason };

/** The outcome of a run that published nothing. */
export function refusalOutcome(expected: Expectation, code: RejectCode | undefined): Outcome {
  if (expected.kind === "table") return "refused_should_build";
  return refusedFor(expected.reason, code) ? "refused_as_expected" : "refused_wrong_reason";
}

/** Whether an outcome is what the case asked for. */
export const isAsExpected = (outcome: Outcome) =>
  outcome === "correct" || outcome === "correct_after_answers" || outcome === "refused_as_expected";
