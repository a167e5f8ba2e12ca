import type { SessionUser } from "@/lib/auth/session";
import type { Pipeline } from "@/lib/db/schema";
import { logError } from "@/lib/log/safe-log";
import type { RunStarter } from "@/lib/runs/lambda-invoker";
import { backfillPipeline, planBackfill } from "./backfill";
import { runToEnd } from "./run-to-end";
import { pauseSchedule, resumeSchedule, schedulePipeline } from "./schedule-pipeline";
import type { backfillSchema, scheduleSchema } from "./web-input";
import type { z } from "zod";

/** Applies a schedule change from the web (API or page); returns when it fires next, if it does. */
export async function changeSchedule(pipeline: Pipeline, input: z.infer<typeof scheduleSchema>): Promise<Date | null> {
  if ("paused" in input) {
    if (input.paused) {
      await pauseSchedule({ pipeline });
      return null;
    }
    return resumeSchedule({ pipeline });
  }
  return schedulePipeline({ pipeline, cron: input.cron, timezone: input.timezone, catchUp: input.catchUp });
}

/**
 * Checks a backfill and starts it in this process without waiting, each run through `starter`: its runs appear in the
 * pipeline's history one after another. Returns the periods it will run.
 */
export async function startBackfill(
  pipeline: Pipeline,
  user: SessionUser,
  input: z.infer<typeof backfillSchema>,
  starter: RunStarter,
): Promise<string[]> {
  const periods = await planBackfill({ pipeline, ...input });
  void backfillPipeline({ pipeline, by: user, ...input, values: input.parameters, execute: runToEnd(starter) }).catch(
    (error: unknown) => logError(`backfill of pipeline ${pipeline.id}`, error),
  );
  return periods;
}
