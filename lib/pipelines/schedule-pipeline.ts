import { setPipelinePaused, setPipelineSchedule, type CatchUp } from "@/lib/db/queries/pipeline-schedules";
import type { Pipeline } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { checkSchedule, nextFiring } from "./cron";
import { toEventBridgeCron } from "./eventbridge-cron";
import { currentEventBridgeSchedules, saveScheduleChange, type EventBridgeSchedules } from "./eventbridge-schedules";

export const CATCH_UP_CHOICES = ["run_once", "skip"] as const;

/** Where a schedule change goes besides the database: EventBridge on AWS (see `saveScheduleChange`). */
type ScheduleSync = { schedules?: EventBridgeSchedules | null };

/**
 * Sets a pipeline's schedule (cron in `timezone`); returns when it fires next. On AWS, a cron
 * EventBridge cannot express is refused before anything is saved.
 */
export async function schedulePipeline({
  pipeline,
  cron,
  timezone = "UTC",
  catchUp = "run_once",
  schedules = currentEventBridgeSchedules(),
}: {
  pipeline: Pipeline;
  cron: string;
  timezone?: string;
  catchUp?: CatchUp;
} & ScheduleSync): Promise<Date> {
  const schedule = checkSchedule({ cron, timezone });
  if (schedules) toEventBridgeCron(schedule.cron);
  const next = nextFiring(schedule, new Date());
  if (!next) throw new AppError("bad_request", `"${cron}" never fires again.`);
  await saveScheduleChange({
    before: pipeline,
    schedules,
    write: (db) => setPipelineSchedule({ id: pipeline.id, ...schedule, catchUp, nextFireAt: next, db }),
  });
  return next;
}

/** Pauses a pipeline's schedule; it keeps its cron expression. */
export async function pauseSchedule({
  pipeline,
  schedules = currentEventBridgeSchedules(),
}: { pipeline: Pipeline } & ScheduleSync): Promise<void> {
  if (!pipeline.cron)
    throw new AppError("bad_request", `Pipeline "${pipeline.name}" has no schedule to pause; set one with --cron.`);
  await saveScheduleChange({
    before: pipeline,
    schedules,
    write: (db) => setPipelinePaused({ id: pipeline.id, paused: true, db }),
  });
}

/** Resumes a paused schedule from now on: what would have fired while it was paused does not. */
export async function resumeSchedule({
  pipeline,
  schedules = currentEventBridgeSchedules(),
}: { pipeline: Pipeline } & ScheduleSync): Promise<Date> {
  if (!pipeline.cron)
    throw new AppError("bad_request", `Pipeline "${pipeline.name}" has no schedule to resume; set one with --cron.`);
  if (schedules) toEventBridgeCron(pipeline.cron);
  const next = nextFiring({ cron: pipeline.cron, timezone: pipeline.timezone }, new Date());
  await saveScheduleChange({
    before: pipeline,
    schedules,
    write: (db) => setPipelinePaused({ id: pipeline.id, paused: false, nextFireAt: next, db }),
  });
  return next ?? new Date(NaN);
}
