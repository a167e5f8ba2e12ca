import { rm } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { getRunStarter } from "@/agents/run-starter";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, resolveDatabaseUrl } from "@/lib/db";
import { createDatabase, type SqlClient } from "@/lib/db/client";
import { listRunsById } from "@/lib/db/queries/runs";
import { startRun } from "@/lib/runs/start-run";
import type { PipelineHarness } from "@/agents/testing/pipeline-harness";

/**
 * Points this process's app configuration (pools, run slots, live hub) at `url`, the way
 * `DATABASE_URL` does for the server, so runs start through the same queue as from the web app.
 * Only possible before anything read the configuration; returns a function that closes the pools.
 */
export function useAppDatabase(url: string): () => Promise<void> {
  // The bench is its own process and the configuration's only other reader: set it as a user would.
  // biome-ignore lint/style/noProcessEnv: the bench sets the configuration before lib/env.ts reads it
  process.env.DATABASE_URL = url;
  const dataDir = mkdtempSync(path.join(tmpdir(), "datamorph-bench-"));
  // biome-ignore lint/style/noProcessEnv: as above
  process.env.DATAMORPH_DATA_DIR = dataDir;
  if (resolveDatabaseUrl() !== url)
    throw new Error("The configuration was read before the bench set it; start the app benches first.");
  return async () => {
    await closeDb();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** The harness's user, as the web app's session knows it. */
export function benchUser(h: PipelineHarness): SessionUser {
  return { ...h.admin, name: h.admin.email };
}

/** Starts one run per target at the same instant, as that many web requests would. */
export function startRuns(user: SessionUser, prompt: string, targets: string[]): Promise<string[]> {
  return Promise.all(targets.map((target) => startRun({ user, prompt, target, starter: getRunStarter() })));
}

export type RunTimes = { id: string; status: string; queuedMs: number; totalMs: number };

/** Waits until none of `ids` is queued or running any more (or `timeoutMs` passed) and returns their times. */
export async function waitForRuns(sql: SqlClient, ids: string[], timeoutMs = 10 * 60_000): Promise<RunTimes[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows: RunTimes[] = (await listRunsById({ ids, db: createDatabase(sql) })).map((run) => ({
      id: run.id,
      status: run.status,
      queuedMs: run.startedAt ? run.startedAt.getTime() - run.createdAt.getTime() : 0,
      totalMs: run.finishedAt ? run.finishedAt.getTime() - run.createdAt.getTime() : 0,
    }));
    if (Date.now() > deadline || rows.every((r) => !["queued", "running"].includes(r.status))) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Samples this process's resident memory every `everyMs`; `stop` gives the peak in MB. */
export function sampleRss(everyMs = 50) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
    },
  };
}

/** Watches how late this process's event loop runs (what every request and live event waits for); `stop` gives p99 and max in ms. */
export function watchEventLoop() {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  return {
    stop() {
      delay.disable();
      return { p99Ms: Math.round(delay.percentile(99) / 1e6), maxMs: Math.round(delay.max / 1e6) };
    },
  };
}
