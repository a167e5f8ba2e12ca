import type { PlanQuestion } from "@/lib/planner/questions";
import type { RejectCode } from "@/lib/planner/types";

/** Planning stopped on questions only a person can answer: the run waits for them. */
export class NeedsInput extends Error {
  override name = "NeedsInput";
  constructor(
    readonly questions: PlanQuestion[],
    /** The planner's reason for asking (ambiguous, or a word it could not read). */
    readonly code: RejectCode,
  ) {
    super(`Waiting for an answer: ${questions.map((q) => q.text).join(" ")}`);
  }
}
