import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import { getSchedulerClient } from "@/lib/aws/clients";
import { getDb } from "@/lib/db";
import type { DatabaseOrTransaction } from "@/lib/db/client";
import type { Pipeline } from "@/lib/db/schema";
import { getEnv, type ScheduleEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log/safe-log";
import { toEventBridgeCron } from "./eventbridge-cron";

/** Where this deployment keeps its EventBridge schedules, and the client that reaches them. */
export type EventBridgeSchedules = ScheduleEnv & { client: SchedulerClient };

/** The pipeline's schedule as it is kept in EventBridge. */
type ScheduledPipeline = Pick<Pipeline, "id" | "cron" | "timezone" | "paused">;

/** EventBridge schedules of this deployment (AWS), or null where the in-process scheduler fires them. */
export function currentEventBridgeSchedules(): EventBridgeSchedules | null {
  const schedules = getEnv().schedules;
  return schedules ? { ...schedules, client: getSchedulerClient() } : null;
}

/**
 * What the orchestrator receives when the schedule fires. EventBridge replaces the placeholder with
 * the moment the firing was due (ISO 8601, UTC), so every delivery of one firing claims the same moment.
 */
export function scheduleEventInput(pipelineId: string): string {
  return JSON.stringify({ pipelineId, scheduledFor: "<aws.scheduler.scheduled-time>" });
}

/** The full definition of a pipeline's schedule: Create and Update both replace every setting. */
export function scheduleDefinition(schedules: ScheduleEnv, pipeline: ScheduledPipeline): CreateScheduleCommandInput {
  return {
    Name: pipeline.id,
    GroupName: schedules.group,
    Description: "DataMorph pipeline schedule",
    ScheduleExpression: toEventBridgeCron(pipeline.cron ?? ""),
    ScheduleExpressionTimezone: pipeline.timezone,
    State: pipeline.paused ? "DISABLED" : "ENABLED",
    FlexibleTimeWindow: { Mode: "OFF" },
    Target: { Arn: schedules.targetArn, RoleArn: schedules.roleArn, Input: scheduleEventInput(pipeline.id) },
  };
}

function unreachable(action: string, pipelineId: string, error: unknown): AppError {
  logError(`EventBridge schedule of pipeline ${pipelineId}: ${action}`, error);
  return new AppError(
    "unavailable",
    `The schedule could not be ${action} in EventBridge Scheduler, so nothing was changed; try again in a moment.`,
  );
}

/**
 * Creates or replaces the pipeline's EventBridge schedule (named after the pipeline id) to match
 * `pipeline`. Throws an `unavailable` AppError when EventBridge cannot be reached or refuses.
 */
export async function putEventBridgeSchedule(schedules: EventBridgeSchedules, pipeline: ScheduledPipeline) {
  const definition = scheduleDefinition(schedules, pipeline);
  try {
    try {
      await schedules.client.send(new UpdateScheduleCommand(definition));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      // Not there yet (a first schedule, or one saved before EventBridge managed them): create it,
      // and if another request created it meanwhile, replace theirs with this.
      await schedules.client.send(new CreateScheduleCommand(definition)).catch(async (created: unknown) => {
        if (!(created instanceof ConflictException)) throw created;
        await schedules.client.send(new UpdateScheduleCommand(definition));
      });
    }
  } catch (error) {
    throw unreachable("saved", pipeline.id, error);
  }
}

/** Deletes the pipeline's EventBridge schedule; one already gone is fine. */
export async function deleteEventBridgeSchedule(schedules: EventBridgeSchedules, pipelineId: string) {
  try {
    await schedules.client.send(new DeleteScheduleCommand({ Name: pipelineId, GroupName: schedules.group }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw unreachable("deleted", pipelineId, error);
  }
}

/**
 * Saves a schedule change in Postgres and, on AWS, in EventBridge, so the two never disagree silently.
 *
 * The row is written in a transaction that commits only once EventBridge has accepted the same
 * change. If EventBridge cannot be reached or refuses, the transaction rolls back and the caller gets
 * the error: neither side changed, and the user can simply try again. (EventBridge first and the
 * database second would leave a live schedule behind whenever the database write failed; a retry
 * queue would need a worker AWS mode does not have.) The update's row lock also queues concurrent
 * changes of one pipeline, so EventBridge receives them in the order the database commits them. The
 * one window left, EventBridge changed but the commit failed, is closed by putting the schedule back
 * as it was, best effort; the orchestrator checks the database before it fires, so even then a paused
 * or moved schedule never runs.
 *
 * `write` updates (or, with `deleting`, deletes) the row and returns it, or null when it could not.
 */
export async function saveScheduleChange({
  before,
  write,
  deleting = false,
  schedules = currentEventBridgeSchedules(),
  missing = () => new AppError("not_found", `Pipeline "${before.name}" no longer exists.`),
}: {
  before: Pipeline;
  write: (db: DatabaseOrTransaction) => Promise<Pipeline | null>;
  deleting?: boolean;
  schedules?: EventBridgeSchedules | null;
  /** The error when `write` returns null. */
  missing?: () => Error;
}): Promise<Pipeline> {
  if (!schedules) {
    const saved = await write(getDb());
    if (!saved) throw missing();
    return saved;
  }
  let changedInEventBridge = false;
  try {
    return await getDb().transaction(async (tx) => {
      const saved = await write(tx);
      if (!saved) throw missing();
      if (deleting || !saved.cron) await deleteEventBridgeSchedule(schedules, saved.id);
      else await putEventBridgeSchedule(schedules, saved);
      changedInEventBridge = true;
      return saved;
    });
  } catch (error) {
    if (changedInEventBridge)
      await (before.cron
        ? putEventBridgeSchedule(schedules, before)
        : deleteEventBridgeSchedule(schedules, before.id)
      ).catch((undo: unknown) => logError(`EventBridge schedule of pipeline ${before.id} could not be put back`, undo));
    throw error;
  }
}
