import { getSql } from "@/lib/db";
import { getEventStore, getLiveHub } from "@/lib/events/live";
import type { PipelineHarness } from "@/agents/testing/pipeline-harness";
import { benchUser, startRuns, waitForRuns, watchEventLoop, type RunTimes } from "./app-runs";
import { SEED } from "./pipeline";
import { measureDelivery, serveRunEvents } from "./sse";

/**
 * Live delivery while the process is busy building: `subscribers` SSE clients on one run, and
 * from the moment they all listen until the last of `runs` runs ends, an event every 30 ms; the
 * runs go through the run queue in the same process, on the app's own event store, live hub and
 * pool (goal: p99 < 100 ms, as when idle).
 */
export async function benchSseUnderLoad(h: PipelineHarness, { subscribers = 500, runs = 20 } = {}) {
  const user = benchUser(h);
  const store = getEventStore();
  const hub = getLiveHub();
  const { port, server } = await serveRunEvents(store, hub);
  let finished: RunTimes[] = [];
  const loop = watchEventLoop();
  try {
    const delivery = await measureDelivery({
      sql: getSql(),
      userId: user.id,
      store,
      hub,
      port,
      n: subscribers,
      gapMs: 30,
      during: async () => {
        const ids = await startRuns(
          user,
          SEED,
          Array.from({ length: runs }, (_, i) => `sse_load_totals_${i + 1}`),
        );
        finished = await waitForRuns(h.sql, ids);
      },
    });
    return {
      ...delivery,
      eventLoopDelay: loop.stop(),
      runs,
      runsSucceeded: finished.filter((r) => r.status === "succeeded").length,
    };
  } finally {
    server.close();
  }
}
