import { InvokeCommand, ResourceNotFoundException, type LambdaClient } from "@aws-sdk/client-lambda";
import type { PipelineOptions } from "@/lib/runs/pipeline-options";

/** A created, still queued run, and what is needed to carry it out. */
export type StartableRun = { runId: string; prompt: string; options: PipelineOptions };

/**
 * Sets a created run going without waiting for it to finish. It resolves once the run has been
 * handed over (to this process, or to the orchestrator Lambda) and rejects if it could not be.
 * The starters themselves live with the agents (`agents/run-starter.ts`).
 */
export type RunStarter = (run: StartableRun) => Promise<void>;

/**
 * Hands the run to the orchestrator Lambda (AWS). Only the id travels: the function reads the
 * prompt and target from the run row, so a redelivered event cannot carry stale input.
 */
export function lambdaStarter({ client, functionName }: { client: LambdaClient; functionName: string }): RunStarter {
  return ({ runId }) => invokeOrchestrator({ client, functionName, runId });
}

/**
 * Invokes the orchestrator asynchronously (`InvocationType: "Event"`): Lambda queues the event
 * and answers 202 at once, so the caller never waits for the run. Throws an error naming the
 * function when it does not exist or the event was not accepted.
 */
export async function invokeOrchestrator({
  client,
  functionName,
  runId,
}: {
  client: LambdaClient;
  functionName: string;
  runId: string;
}): Promise<void> {
  let statusCode: number | undefined;
  try {
    ({ StatusCode: statusCode } = await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: "Event",
        Payload: new TextEncoder().encode(JSON.stringify({ runId })),
      }),
    ));
  } catch (error) {
    if (error instanceof ResourceNotFoundException) {
      throw new Error(
        `The orchestrator function "${functionName}" was not found; check DATAMORPH_ORCHESTRATOR_FUNCTION and the region.`,
        { cause: error },
      );
    }
    throw new Error(
      `The orchestrator function "${functionName}" could not be invoked for run ${runId}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (statusCode !== 202)
    throw new Error(
      `The orchestrator function "${functionName}" did not accept run ${runId} (status ${statusCode ?? "unknown"}).`,
    );
}
