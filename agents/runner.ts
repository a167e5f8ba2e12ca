import { getArtifactStore } from "@/lib/artifacts/current";
import { getDb, getLivenessClient, getRoleClients, getSql } from "@/lib/db";
import { createRun } from "@/lib/db/queries/runs";
import { getEnv } from "@/lib/env";
import { createGlueEngine, type GlueEngine } from "@/lib/engines/glue-engine";
import { getEventStore } from "@/lib/events/live";
import type { EventStore, StoredRunEvent } from "@/lib/events/types";
import { holdRunLock, tryHoldRunLock } from "@/lib/runs/liveness";
import { Semaphore } from "@/lib/concurrency/semaphore";
import { runPipeline, type RunOutcome } from "./orchestrator";
import type { PipelineOptions } from "./types";

type RunRequest = {
  prompt: string;
  options: PipelineOptions;
  /** Sees every event as it is stored (the CLI prints them as progress). */
  onEvent?: (event: StoredRunEvent) => void;
};

/**
 * The in-process runner: runs one created run to its end in this process. It holds the run's
 * liveness lock throughout, so a crash is recognised and recovered on the next start.
 */
export async function executeRun(request: RunRequest & { runId: string }): Promise<RunOutcome> {
  return runHoldingLock(await holdRunLock(getLivenessClient(), request.runId), request);
}

// One set of run slots per process, kept on globalThis like the pools.
const slotsCache = globalThis as unknown as { datamorphRunSlots?: Semaphore };

/** At most `DATAMORPH_RUN_CONCURRENCY` runs build at once in this process. */
export function getRunSlots(): Semaphore {
  slotsCache.datamorphRunSlots ??= new Semaphore(getEnv().runConcurrency);
  return slotsCache.datamorphRunSlots;
}

/**
 * For runs started from the web app: waits as `queued` for a free run slot, then runs. The run
 * holds its liveness lock while it waits, so recovery never takes a waiting run for a dead one,
 * and its timeline says why it has not started.
 */
export async function executeQueuedRun(request: RunRequest & { runId: string }): Promise<RunOutcome> {
  const release = await holdRunLock(getLivenessClient(), request.runId);
  const slots = getRunSlots();
  // Joins the queue before anything is awaited, so runs started in the same instant count each
  // other: each says how many wait ahead of it.
  const { running, waiting: ahead, full } = slots;
  const slot = slots.acquire();
  let free: () => void;
  try {
    if (full) {
      await getEventStore().append(request.runId, {
        agent: "orchestrator",
        level: "info",
        message: `Queued: ${running} run(s) are building${ahead ? ` and ${ahead} more wait ahead of this one` : ""}; it starts when a slot frees up (${slots.limit} at a time here).`,
        payload: { queued: true, running, ahead },
      });
    }
    free = await slot;
  } catch (error) {
    void slot.then((freeSlot) => freeSlot());
    await release();
    throw error;
  }
  try {
    return await runHoldingLock(release, request);
  } finally {
    free();
  }
}

/**
 * For a run handed over from elsewhere (an async Lambda event, which may be delivered twice):
 * takes the liveness lock first and only then `claim`s the run, so there is no moment in which
 * the run is marked running without a live process. Returns null when another delivery has it.
 */
export async function executeClaimedRun({
  claim,
  ...request
}: RunRequest & { runId: string; claim: () => Promise<boolean> }): Promise<RunOutcome | null> {
  const release = await tryHoldRunLock(getLivenessClient(), request.runId);
  if (!release) return null;
  if (!(await claim())) {
    await release();
    return null;
  }
  return runHoldingLock(release, request);
}

async function runHoldingLock(
  release: () => Promise<void>,
  { runId, prompt, options, onEvent }: RunRequest & { runId: string },
): Promise<RunOutcome> {
  const sql = getSql();
  const store = getEventStore();
  const events: EventStore = onEvent
    ? {
        ...store,
        append: async (id, event) => {
          const stored = await store.append(id, event);
          onEvent(stored);
          return stored;
        },
      }
    : store;
  try {
    const { reader, builder } = await getRoleClients();
    return await runPipeline(
      {
        runId,
        sql,
        db: getDb(),
        reader,
        builder,
        events,
        artifacts: getArtifactStore(),
        glue: configuredGlueEngine(),
        options,
      },
      prompt,
    );
  } finally {
    await release();
  }
}

/** Creates a run for `userId` and runs it here, to the end. */
export async function createAndRun({ userId, ...request }: RunRequest & { userId: string }): Promise<RunOutcome> {
  const run = await createRun({ userId, prompt: request.prompt, targetTable: request.options.targetTable });
  return executeRun({ runId: run.id, ...request });
}

// The orchestrator Lambda lives at most 15 minutes, and testing and publishing need some of them:
// a Glue build there must end (and is stopped) well before.
const LAMBDA_GLUE_LIMITS = { timeoutMinutes: 11, deadlineMs: 12 * 60_000 };

/** The Glue engine of this deployment, when a Glue role and connection are configured. */
function configuredGlueEngine(): GlueEngine | undefined {
  const { glue, onLambda } = getEnv();
  if (!glue) return undefined;
  return createGlueEngine({ ...glue, ...(onLambda ? LAMBDA_GLUE_LIMITS : {}) });
}
