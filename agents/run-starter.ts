import { getLambdaClient } from "@/lib/aws/clients";
import { updateRun } from "@/lib/db/queries/runs";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log/safe-log";
import { lambdaStarter, type RunStarter } from "@/lib/runs/lambda-invoker";
import { executeQueuedRun } from "./runner";

const CRASH_MESSAGE = "The run stopped on an internal error; the target was left unchanged.";

/**
 * Runs the pipeline in this process (embedded and server modes), queued behind the process's
 * run slots. The run keeps going after the request that started it has been answered; a crash
 * marks it failed rather than leaving it "running".
 */
export const inProcessStarter: RunStarter = async ({ runId, prompt, options }) => {
  void executeQueuedRun({ runId, prompt, options }).catch(async (error: unknown) => {
    logError(`run ${runId} crashed`, error);
    await updateRun({ id: runId, status: "failed", error: CRASH_MESSAGE, finishedAt: new Date() }).catch(() => {});
  });
};

/**
 * How runs start in this deployment: the orchestrator Lambda when `DATAMORPH_ORCHESTRATOR_FUNCTION`
 * is set (AWS), otherwise in this process (embedded and server modes).
 */
export function getRunStarter(): RunStarter {
  const functionName = getEnv().orchestratorFunction;
  if (!functionName) return inProcessStarter;
  return lambdaStarter({ client: getLambdaClient(), functionName });
}
