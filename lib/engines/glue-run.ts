import {
  BatchStopJobRunCommand,
  GetJobRunCommand,
  StartJobRunCommand,
  type GlueClient,
  type JobRun,
} from "@aws-sdk/client-glue";
import { setTimeout as sleep } from "node:timers/promises";

/** A job run's state as Glue reported it, each time it changes. */
export type GlueRunUpdate = {
  jobName: string;
  jobRunId: string;
  state: string;
  errorMessage?: string;
  executionSeconds?: number;
};

export type GlueRunWatch = {
  pollMs: { initial: number; max: number };
  deadlineMs: number;
  onState?: (update: GlueRunUpdate) => void | Promise<void>;
};

const FAILED_STATES = new Set(["FAILED", "ERROR", "TIMEOUT", "STOPPED", "EXPIRED"]);

/** Whether a job run in `state` ended without building its table. */
export const isFailedGlueState = (state: string): boolean => FAILED_STATES.has(state);
/** How long a stopped run may take to wind down before the pipeline stops waiting for it. */
const STOP_GRACE_MS = 2 * 60_000;

/** The wait before the next poll: doubles from `initial`, never past `max`. */
export function nextPollDelay(previous: number | undefined, { initial, max }: GlueRunWatch["pollMs"]): number {
  return previous === undefined ? initial : Math.min(max, previous * 2);
}

/** Starts a run of `jobName` with `args` and returns its id. */
export async function startGlueRun(client: GlueClient, jobName: string, args: Record<string, string>): Promise<string> {
  const { JobRunId } = await client.send(new StartJobRunCommand({ JobName: jobName, Arguments: args }));
  if (!JobRunId) throw new Error(`Glue started a run of ${jobName} but returned no run id`);
  return JobRunId;
}

/**
 * Polls the run with exponential backoff until it ends, reporting every state change. Resolves
 * when it succeeds; throws with Glue's error message when it fails. Past the deadline it asks
 * Glue to stop the run and waits (briefly) for it to stop, so nothing writes after the caller
 * has moved on.
 */
export async function waitForGlueRun(
  client: GlueClient,
  jobName: string,
  jobRunId: string,
  watch: GlueRunWatch,
): Promise<JobRun> {
  const deadline = Date.now() + watch.deadlineMs;
  let stopping: { giveUpAt: number } | undefined;
  let delay: number | undefined;
  let last: string | undefined;
  for (;;) {
    const { JobRun: run } = await client.send(new GetJobRunCommand({ JobName: jobName, RunId: jobRunId }));
    const state = run?.JobRunState ?? "UNKNOWN";
    if (state !== last) {
      last = state;
      await watch.onState?.({
        jobName,
        jobRunId,
        state,
        errorMessage: run?.ErrorMessage,
        executionSeconds: run?.ExecutionTime,
      });
    }
    if (state === "SUCCEEDED") return run!;
    if (stopping && (FAILED_STATES.has(state) || Date.now() >= stopping.giveUpAt)) {
      throw new Error(
        `Glue job run ${jobRunId} of ${jobName} did not finish within ${watch.deadlineMs / 1000} s, so it was asked to stop (last state ${state})`,
      );
    }
    if (FAILED_STATES.has(state))
      throw new Error(
        `Glue job run ${jobRunId} of ${jobName} ${state}: ${run?.ErrorMessage ?? "Glue gave no error message"}`,
      );
    if (!stopping && Date.now() >= deadline) {
      await client.send(new BatchStopJobRunCommand({ JobName: jobName, JobRunIds: [jobRunId] }));
      stopping = { giveUpAt: Date.now() + STOP_GRACE_MS };
      delay = undefined;
    }
    delay = nextPollDelay(delay, watch.pollMs);
    // Never sleep through the deadline: the stop should go out as soon as it passes.
    await sleep(stopping ? delay : Math.max(1, Math.min(delay, deadline - Date.now())));
  }
}
