import { claimFiring, type FiringOutcome, recordFiringOutcome } from "@/lib/db/queries/pipeline-schedules";
import type { Pipeline } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log/safe-log";
import type { RunStarter } from "@/lib/runs/lambda-invoker";
import { nextFiring } from "./cron";
import { startPipelineRun } from "./start-pipeline-run";

/** What one firing did: the run it started, or why it started none. */
export type Fired = { firingId: number; outcome: FiringOutcome; runId: string | null };

/**
 * Fires `pipeline`'s schedule for the moment `scheduledFor`, once: the in-process scheduler calls
 * it for each due schedule, the orchestrator Lambda for each EventBridge delivery. The firing is
 * claimed first (`claimFiring`, unique per pipeline and moment), so a second scheduler or a
 * redelivered event gets null and does nothing. A firing later than `missedAfterMs` counts as
 * missed (run once, or skipped as the pipeline says); one that finds a run of the pipeline still in
 * progress records `skipped_running`. The run is handed to `starter` without waiting for it.
 */
export async function firePipeline({
  pipeline,
  scheduledFor,
  now = new Date(),
  starter,
  holder,
  missedAfterMs = 60_000,
}: {
  pipeline: Pipeline;
  scheduledFor: Date;
  now?: Date;
  starter: RunStarter;
  /** Who fires it, recorded with the firing. */
  holder: string;
  missedAfterMs?: number;
}): Promise<Fired | null> {
  if (!pipeline.cron) return null;
  const schedule = { cron: pipeline.cron, timezone: pipeline.timezone };
  // After the later of the two: an event delivered a little early must not fire its own moment again.
  const next = nextFiring(schedule, now > scheduledFor ? now : scheduledFor);
  const following = nextFiring(schedule, scheduledFor);
  const missed = now.getTime() - scheduledFor.getTime() > missedAfterMs || (following !== null && following <= now);
  const firing = await claimFiring({
    pipelineId: pipeline.id,
    scheduledFor,
    next,
    kind: missed ? "catch_up" : "schedule",
    holder,
  });
  if (!firing) return null;
  const record = async (outcome: FiringOutcome, message: string | null, runId: string | null = null) => {
    await recordFiringOutcome({ id: firing.id, outcome, runId, message });
    return { firingId: firing.id, outcome, runId };
  };
  if (missed && pipeline.catchUp === "skip")
    return record("skipped_missed", "Missed while no scheduler was running; this pipeline skips missed firings.");
  try {
    const runId = await startPipelineRun({ pipeline, values: {}, trigger: "schedule", starter });
    return record("started", missed ? "Missed while no scheduler was running; run once now." : null, runId);
  } catch (error) {
    const inProgress = error instanceof AppError && error.code === "conflict" && /run in progress/.test(error.message);
    if (!(error instanceof AppError)) logError(`pipeline ${pipeline.id} firing failed`, error);
    return record(
      inProgress ? "skipped_running" : "failed",
      error instanceof AppError ? error.message : "The run could not be started.",
    );
  }
}
