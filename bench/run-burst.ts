import { getEnv } from "@/lib/env";
import { checkHealth } from "@/lib/server/health";
import type { PipelineHarness } from "@/agents/testing/pipeline-harness";
import { benchUser, sampleRss, startRuns, waitForRuns, watchEventLoop } from "./app-runs";
import { SEED } from "./pipeline";
import { quantile, round } from "./stats";

/** Asks the health check every `everyMs` until stopped, as a load balancer would; `stop` sums it up. */
function pollHealth(everyMs = 250) {
  const times: number[] = [];
  let failures = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      if (!(await checkHealth()).ok) failures++;
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (performance.now() - started))));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { checks: times.length, failures, p99Ms: round(quantile(times, 0.99)), maxMs: round(Math.max(...times)) };
    },
  };
}

/**
 * `n` runs of the seed example started in the same instant through the web app's run queue, in
 * this process: whether every one finishes (none lost, none stuck), how long each took from its
 * request to its end (waiting included), what the process's memory peaked at, and whether the
 * health check kept answering meanwhile.
 */
export async function benchRunBurst(h: PipelineHarness, n = 50) {
  const user = benchUser(h);
  const baselineMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  const rss = sampleRss();
  const health = pollHealth();
  const loop = watchEventLoop();
  const started = performance.now();
  const ids = await startRuns(
    user,
    SEED,
    Array.from({ length: n }, (_, i) => `burst_order_totals_${i + 1}`),
  );
  const runs = await waitForRuns(h.sql, ids);
  const wallMs = performance.now() - started;
  const peakRssMb = rss.stop();
  const eventLoopDelay = loop.stop();
  const finished = runs.filter((r) => !["queued", "running"].includes(r.status));
  const totals = finished.map((r) => r.totalMs);
  const waits = finished.map((r) => r.queuedMs);
  return {
    runs: n,
    slots: getEnv().runConcurrency,
    succeeded: runs.filter((r) => r.status === "succeeded").length,
    lost: n - finished.length,
    wallMs: round(wallMs, 0),
    durationP50Ms: round(quantile(totals, 0.5), 0),
    durationP95Ms: round(quantile(totals, 0.95), 0),
    queuedP50Ms: round(quantile(waits, 0.5), 0),
    queuedP95Ms: round(quantile(waits, 0.95), 0),
    baselineRssMb: baselineMb,
    peakRssMb,
    eventLoopDelay,
    health: await health.stop(),
  };
}
