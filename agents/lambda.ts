import { z } from "zod";
import { claimQueuedRun, getRunById, updateRun } from "@/lib/db/queries/runs";
import type { RunOutcome } from "./orchestrator";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import { pipelineOptionsOfRun } from "@/lib/pipelines/start-pipeline-run";
import { pipelineOptions } from "@/lib/runs/pipeline-options";
import { executeClaimedRun } from "./runner";
import { getArtifactStore } from "@/lib/artifacts/current";
import { readReviewRequest } from "@/lib/review/review-request";

const orchestratorEventSchema = z.object({ runId: z.string().uuid() });

export type OrchestratorEvent = z.infer<typeof orchestratorEventSchema>;

export type OrchestratorResult = { runId: string; status: RunOutcome["status"] } | { skipped: true; reason: string };

/**
 * The orchestrator Lambda: runs one queued run to its end with the same runner as the
 * in-process mode. Asynchronous invocations can be delivered more than once, so the run is
 * claimed (queued -> running) only once its liveness lock is held; a delivery that loses either does nothing.
 */
export async function handler(event: OrchestratorEvent): Promise<OrchestratorResult> {
  const parsed = orchestratorEventSchema.safeParse(event);
  // Thrown, not skipped: a malformed event is a deployment bug that should show as a failed invocation.
  if (!parsed.success)
    throw new Error(
      `Invalid orchestrator event: expected { runId: <uuid> }; ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "event"}: ${issue.message}`).join("; ")}`,
    );
  const { runId } = parsed.data;

  const run = await getRunById({ id: runId });
  if (!run) return { skipped: true, reason: `run ${runId} does not exist` };
  try {
    const outcome = await executeClaimedRun({
      runId,
      prompt: run.prompt,
      options: pipelineOptions({
        targetTable: run.targetTable ?? undefined,
        replace: run.replaceTarget,
        ...(isEngineRequest(run.engine) ? { engine: run.engine } : {}),
        ...(await pipelineOptionsOfRun(run)),
        ...(await readReviewRequest(getArtifactStore(), runId)),
      }),
      claim: () => claimQueuedRun({ id: runId }),
    });
    if (!outcome)
      return {
        skipped: true,
        reason: `run ${runId} is already ${(await getRunById({ id: runId }))?.status ?? run.status}`,
      };
    return { runId, status: outcome.status };
  } catch (error) {
    // Marked failed so the run does not wait for crash recovery; rethrown so the invocation shows as failed.
    // A retried delivery finds the run no longer queued and skips it.
    await updateRun({
      id: runId,
      status: "failed",
      error: "The run stopped on an internal error; the target was left unchanged.",
      finishedAt: new Date(),
    }).catch(() => {});
    throw error;
  }
}
