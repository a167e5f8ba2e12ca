import { deletePipelineById } from "@/lib/db/queries/pipelines";
import type { Pipeline } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { currentEventBridgeSchedules, type EventBridgeSchedules, saveScheduleChange } from "./eventbridge-schedules";

/**
 * Deletes a pipeline with its versions, schedule and firings; its runs and the tables they built
 * stay. Refused (`conflict`) while a run of it is in progress. On AWS its EventBridge schedule is
 * deleted in the same step, and if that fails the pipeline stays (see `saveScheduleChange`).
 */
export async function deletePipeline({
  pipeline,
  schedules = currentEventBridgeSchedules(),
}: {
  pipeline: Pipeline;
  schedules?: EventBridgeSchedules | null;
}): Promise<void> {
  await saveScheduleChange({
    before: pipeline,
    schedules,
    deleting: true,
    write: (db) => deletePipelineById({ id: pipeline.id, db }),
    missing: () =>
      new AppError(
        "conflict",
        `Pipeline "${pipeline.name}" has a run in progress (or is gone); delete it once the run has finished.`,
      ),
  });
}
