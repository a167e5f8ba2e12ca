import { getDb } from "@/lib/db";
import { listScheduledPipelines, lockPipeline } from "@/lib/db/queries/pipeline-schedules";
import { AppError } from "@/lib/errors";
import { type EventBridgeSchedules, putEventBridgeSchedule } from "./eventbridge-schedules";

/** What a sync did: the pipelines whose schedule EventBridge now holds, and those it could not take. */
export type ScheduleSync = { saved: string[]; refused: { pipeline: string; reason: string }[] };

/**
 * Writes every scheduled pipeline's schedule to EventBridge as Postgres holds it now, creating
 * those saved before EventBridge managed them (set up with the in-process scheduler, or restored
 * from a backup). Each is written under its row lock, as `saveScheduleChange` does, so a change
 * made meanwhile is never overwritten by an older reading. A cron EventBridge cannot express
 * (seconds) is reported and left to its owner; an unreachable EventBridge stops the sync with the
 * error, and running it again is always safe.
 */
export async function syncEventBridgeSchedules(schedules: EventBridgeSchedules): Promise<ScheduleSync> {
  const result: ScheduleSync = { saved: [], refused: [] };
  for (const { id } of await listScheduledPipelines()) {
    await getDb().transaction(async (tx) => {
      const pipeline = await lockPipeline({ id, tx });
      if (!pipeline?.cron) return;
      try {
        await putEventBridgeSchedule(schedules, pipeline);
        result.saved.push(pipeline.name);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
        result.refused.push({ pipeline: pipeline.name, reason: error.message });
      }
    });
  }
  return result;
}
