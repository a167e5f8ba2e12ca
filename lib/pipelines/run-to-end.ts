import { getRunById } from "@/lib/db/queries/runs";
import type { RunStarter } from "@/lib/runs/lambda-invoker";
import type { RunEndStatus } from "@/lib/runs/pipeline-options";
import type { PreparedPipelineRun } from "./start-pipeline-run";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How a run ended, as its row tells it. */
export type RunEnd = { status: RunEndStatus; rowCount?: number; error?: string };

/**
 * Hands a prepared run to `starter` (in this process or the orchestrator Lambda) and waits for it
 * to end, reading its status from the database: a backfill's next period starts only then.
 */
export function runToEnd(starter: RunStarter, pollMs = 500) {
  return async (run: PreparedPipelineRun): Promise<RunEnd> => {
    await starter(run);
    for (;;) {
      const row = await getRunById({ id: run.runId });
      if (!row) return { status: "failed", error: "The run disappeared." };
      if (row.status !== "queued" && row.status !== "running") {
        const status = row.status === "succeeded" || row.status === "rejected" ? row.status : "failed";
        return { status, rowCount: row.rowCount ?? undefined, error: row.error ?? undefined };
      }
      await sleep(pollMs);
    }
  };
}
