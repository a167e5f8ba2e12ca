import { updateRun } from "@/lib/db/queries/runs";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log/safe-log";

/**
 * Hands a created or resumed run over to be executed (`handOver` calls the starter). When that
 * fails, nothing was built: the run is marked failed rather than left queued, and the caller gets
 * an error that says to try again.
 */
export async function handOverRun(
  runId: string,
  action: "started" | "resumed",
  handOver: () => Promise<void>,
): Promise<void> {
  try {
    await handOver();
  } catch (error) {
    logError(`run ${runId} could not be ${action}`, error);
    await updateRun({
      id: runId,
      status: "failed",
      error: `The run could not be ${action}; nothing was changed.`,
      finishedAt: new Date(),
    }).catch(() => {});
    throw new AppError("unavailable", `The run could not be ${action}. Try again in a moment.`);
  }
}
