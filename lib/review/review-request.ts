import type { ArtifactStore } from "@/lib/artifacts/store";
import type { EtlSpec } from "@/lib/spec/etl-spec";

/** A plan a person reviewed and asked to build: the spec as they left it, who, and how many values they changed. */
export type ReviewedPlan = { spec: EtlSpec; by: string; changes: number };

/**
 * What a run was asked about review, kept beside it (`review.json`) so a run handed over by id
 * alone (the orchestrator Lambda) knows it too: stop after planning, or build this reviewed plan.
 */
export type ReviewRequest = { review?: boolean; reviewed?: ReviewedPlan };

export async function saveReviewRequest(
  artifacts: ArtifactStore,
  runId: string,
  request: ReviewRequest,
): Promise<void> {
  await artifacts.put(runId, "review.json", JSON.stringify(request));
}

/** The review request of a run; nothing for a run that asked for none. */
export async function readReviewRequest(artifacts: ArtifactStore, runId: string): Promise<ReviewRequest> {
  const saved = await artifacts.get(runId, "review.json");
  if (!saved) return {};
  const { review, reviewed } = JSON.parse(saved.toString("utf8")) as ReviewRequest;
  // Once a reviewed plan is asked for, the run builds it rather than stopping again.
  return reviewed ? { reviewed } : review ? { review: true } : {};
}
