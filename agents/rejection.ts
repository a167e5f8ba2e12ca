import type { NextStep } from "@/lib/planner/next-steps";
import type { RejectCode } from "@/lib/planner/types";

/** The request cannot be run as asked (not understood, unsafe, or would overwrite user data). */
export class Rejection extends Error {
  override name = "Rejection";
  /** The planner's reason, when the planner refused; absent for a refusal at the target or at publish. */
  constructor(
    message: string,
    readonly code?: RejectCode,
    /** Requests the planner reads, offered in its place. */
    readonly nextSteps: NextStep[] = [],
  ) {
    super(message);
  }
}
