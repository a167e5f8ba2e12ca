import { setPipelinePaused, setPipelineSchedule, type CatchUp } from "@/lib/db/queries/pipeline-schedules";
import type { Pipeline } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { checkSchedule, nextFiring } from "./cron";

export const CATCH_UP_CHOICES = ["run_once", "skip"] as const;

/** Sets a pipeline's schedule (cron in `timezone`); returns when it fires next. */
export async function schedulePipeline({
  pipeline,
  cron,
  timezone = "UTC",
  catchUp = "run_once",
}: {
  pipeline: Pipeline;
  cron: string;
  timezone?: string;
  catchUp?: CatchUp;
}): Promise<Date> {
  const schedule = checkSchedule({ cron, timezone });
  const next = nextFiring(schedule, new Date());
  if (!next) throw new AppError("bad_request", `"${cron}" never fires again.`);
  await setPipelineSchedule({ id: pipeline.id, ...schedule, catchUp, nextFireAt: next });
  return next;
}

/** Pauses a pipeline's schedule; it keeps its cron expression. */
export async function pauseSchedule({ pipeline }: { pipeline: Pipeline }): Promise<void> {
  if (!pipeline.cron)
    throw new AppError("bad_request", `Pipeline "${pipeline.name}" has no schedule to pause; set one with --cron.`);
  await setPipelinePaused({ id: pipeline.id, paused: true });
}

/** Resumes a paused schedule from now on: what would have fired while it was paused does not. */
export async function resumeSchedule({ pipeline }: { pipeline: Pipeline }): Promise<Date> {
  if (!pipeline.cron)
    throw new AppError("bad_request", `Pipeline "${pipeline.name}" has no schedule to resume; set one with --cron.`);
  const next = nextFiring({ cron: pipeline.cron, timezone: pipeline.timezone }, new Date());
  await setPipelinePaused({ id: pipeline.id, paused: false, nextFireAt: next });
  return next ?? new Date(NaN);
}
