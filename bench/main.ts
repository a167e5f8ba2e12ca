import path from "node:path";
import { ensureEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { useAppDatabase } from "./app-runs";
import { benchPlanner } from "./planner";
import { benchScale, benchSeed } from "./pipeline";
import { benchSemanticModel } from "./semantic-model";
import { benchReport } from "./report";
import { benchRunBurst } from "./run-burst";
import { benchSse } from "./sse";
import { benchSseUnderLoad } from "./sse-under-load";
import { benchScheduler } from "./scheduler";

// `npm run bench`: performance figures as one JSON object on stdout, on a private embedded cluster.
const dataDir = path.resolve(".data/bench");
const server = await ensureEmbeddedPostgres({ dataDir, port: 54394 });
const target = { name: "embedded" as const, url: server.superuserUrl };

/** Runs `measure` on a fresh database (with the demo warehouse when `demo`), then drops it. */
async function onFreshDatabase<T>(demo: boolean, measure: (h: PipelineHarness) => Promise<T>): Promise<T> {
  const h = await createPipelineHarness(target, { demo });
  try {
    return await measure(h);
  } finally {
    await h.close();
  }
}

try {
  // First, while nothing else has loaded the word list: its first build is the cold one.
  const semanticModel = benchSemanticModel();
  const planner = benchPlanner();
  // First, before anything reads the configuration: these start runs the way the web app does.
  const { burst, sseUnderLoad, scheduler } = await onFreshDatabase(true, async (h) => {
    const closeApp = useAppDatabase(h.url);
    try {
      return {
        burst: await benchRunBurst(h),
        sseUnderLoad: await benchSseUnderLoad(h),
        scheduler: await benchScheduler(h),
      };
    } finally {
      await closeApp();
    }
  });
  const { seedRuns, report } = await onFreshDatabase(true, async (h) => {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await benchSeed(h, `seed_bench_${i}`));
    return { seedRuns: runs, report: await benchReport(h) };
  });
  const sse = await onFreshDatabase(false, benchSse);
  const scale = await onFreshDatabase(false, benchScale);
  const seed = { runs: seedRuns, bestWallMs: Math.min(...seedRuns.map((r) => r.wallMs)) };
  process.stdout.write(
    `${JSON.stringify({ planner, semanticModel, seed, scale, sse, sseUnderLoad, burst, scheduler, report }, null, 2)}\n`,
  );
} finally {
  await stopEmbeddedPostgres(dataDir, { onlyIfIdle: false });
}
