import { updateRun } from "@/lib/db/queries/runs";
import type { ReviewedPlan } from "@/lib/review/review-request";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { RunOutcome } from "./orchestrator";
import { emitter, type AgentContext } from "./types";

/** The event that ends a run's stream while its plan waits for a person; Build starts a new stream. */
export const IN_REVIEW_MESSAGE = "Waiting for review: read the plan, change what is wrong, then press Build.";

/**
 * Stops a run after planning: nothing is built until someone reviews the plan and asks for it.
 * The run is left `in_review` (not finished), with its spec stored like any plan's.
 */
export async function pauseForReview(context: AgentContext, spec: EtlSpec, outcome: RunOutcome): Promise<RunOutcome> {
  await updateRun({ db: context.db, id: context.runId, status: "in_review" });
  await emitter(context, "orchestrator")("info", IN_REVIEW_MESSAGE, { final: true, status: "in_review" });
  return { ...outcome, status: "in_review", spec };
}

/**
 * In place of the planner for a reviewed run: takes the plan as the person left it (already
 * checked against the catalog when they pressed Build) and says who reviewed it and whether
 * they changed it.
 */
export async function takeReviewedSpec(context: AgentContext, reviewed: ReviewedPlan): Promise<EtlSpec> {
  await context.artifacts.put(context.runId, "spec.json", JSON.stringify(reviewed.spec, null, 2));
  const what =
    reviewed.changes === 0
      ? `Plan reviewed by ${reviewed.by}, unchanged`
      : `Plan edited by ${reviewed.by}: ${reviewed.changes} change${reviewed.changes === 1 ? "" : "s"}`;
  await emitter(context, "planner")("success", what, {
    spec: reviewed.spec,
    notes: [],
    planner: "review",
    reviewedBy: reviewed.by,
    changes: reviewed.changes,
  });
  return reviewed.spec;
}
