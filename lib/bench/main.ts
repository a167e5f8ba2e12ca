import path from "node:path";
import { ensureEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded";
import { createPipelineHarness } from "@/lib/testing/pipeline-harness";
import { benchPlanner } from "./planner";
import { benchScale, benchSeed } from "./pipeline";
import { benchReport } from "./report";
import { benchSse } from "./sse";

// `npm run bench`: performance figures as one JSON object on stdout, on a private embedded cluster.
const dataDir = path.resolve(".data/bench");
const server = await ensureEmbeddedPostgres({ dataDir, port: 54394 });
const target = { name: "embedded" as const, url: server.url };
try {
  const planner = benchPlanner();
  const demo = await createPipelineHarness(target);
  const seedRuns = [];
  let report;
  try {
    for (let i = 0; i < 3; i++) seedRuns.push(await benchSeed(demo, `seed_bench_${i}`));
    report = await benchReport(demo);
  } finally {
    await demo.close();
  }
  const live = await createPipelineHarness(target, { demo: false });
  let sse;
  try {
    sse = await benchSse(live);
  } finally {
    await live.close();
  }
  const big = await createPipelineHarness(target, { demo: false });
  let scale;
  try {
    scale = await benchScale(big);
  } finally {
    await big.close();
  }
  process.stdout.write(`${JSON.stringify({ planner, seed: { runs: seedRuns, bestWallMs: Math.min(...seedRuns.map((r) => r.wallMs)) }, scale, sse, report }, null, 2)}\n`);
} finally {
  await stopEmbeddedPostgres(dataDir, { onlyIfIdle: false });
}
