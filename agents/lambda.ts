import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { FiringOutcome } from "@/lib/db/queries/pipeline-schedules";
import { getPipeline } from "@/lib/db/queries/pipelines";
import { claimQueuedRun, getRunById, updateRun } from "@/lib/db/queries/runs";
import { firePipeline } from "@/lib/pipelines/fire-pipeline";
import type { RunOutcome } from "./orchestrator";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import { pipelineOptionsOfRun } from "@/lib/pipelines/start-pipeline-run";
import { pipelineOptions } from "@/lib/runs/pipeline-options";
import { executeClaimedRun } from "./runner";
import { getArtifactStore } from "@/lib/artifacts/current";
import { readReviewRequest } from "@/lib/review/review-request";

const runEventSchema = z.object({ runId: z.uuid() });
/** What a pipeline's EventBridge schedule sends (see `scheduleEventInput`): the moment it was due. */
const scheduleEventSchema = z.object({ pipelineId: z.uuid(), scheduledFor: z.iso.datetime({ offset: true }) });
const orchestratorEventSchema = z.union([runEventSchema, scheduleEventSchema]);

export type OrchestratorEvent = z.infer<typeof orchestratorEventSchema>;

type RunResult = { runId: string; status: RunOutcome["status"] } | { skipped: true; reason: string };

/** What a schedule's firing did, and how the run it started ended. */
type FiringResult = { pipelineId: string; firing: FiringOutcome; run?: RunResult };

export type OrchestratorResult = RunResult | FiringResult;

/**
 * The orchestrator Lambda. Given `{ runId }` (the web app hands a run over), it runs one queued run
 * to its end with the same runner as the in-process mode. Given `{ pipelineId, scheduledFor }` (a
 * pipeline's EventBridge schedule fired), it fires the pipeline as the in-process scheduler does,
 * then runs the run it started in this same invocation. Asynchronous invocations can be delivered
 * more than once: a firing is claimed once per pipeline and moment, and a run is claimed
 * (queued -> running) only once its liveness lock is held; a delivery that loses either does nothing.
 */
export async function handler(
  event: OrchestratorEvent,
  context?: { awsRequestId?: string },
): Promise<OrchestratorResult> {
  const parsed = orchestratorEventSchema.safeParse(event);
  // Thrown, not skipped: a malformed event is a deployment bug that should show as a failed invocation.
  if (!parsed.success)
    throw new Error(
      `Invalid orchestrator event: expected { runId: <uuid> } or { pipelineId: <uuid>, scheduledFor: <ISO time> }; ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "event"}: ${issue.message}`).join("; ")}`,
    );
  if ("pipelineId" in parsed.data)
    return fireSchedule({ ...parsed.data, holder: `eventbridge:${context?.awsRequestId ?? randomUUID()}` });
  return runQueuedRun(parsed.data.runId);
}

async function fireSchedule({
  pipelineId,
  scheduledFor,
  holder,
}: {
  pipelineId: string;
  scheduledFor: string;
  holder: string;
}): Promise<OrchestratorResult> {
  const pipeline = await getPipeline({ ref: pipelineId });
  if (!pipeline) return { skipped: true, reason: `pipeline ${pipelineId} does not exist` };
  // The run is created and recorded as the firing's before it starts; it then runs here, below,
  // rather than in another invocation.
  const fired = await firePipeline({ pipeline, scheduledFor: new Date(scheduledFor), starter: async () => {}, holder });
  if (!fired)
    return {
      skipped: true,
      reason: `the firing of pipeline ${pipelineId} at ${scheduledFor} was claimed already, or its schedule changed or is paused`,
    };
  if (fired.outcome !== "started" || !fired.runId) return { pipelineId, firing: fired.outcome };
  return { pipelineId, firing: fired.outcome, run: await runQueuedRun(fired.runId) };
}

async function runQueuedRun(runId: string): Promise<RunResult> {
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
