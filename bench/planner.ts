import { planWithEnglish } from "@/lib/planner/reading";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { benchPrompts } from "./prompts";
import { quantile, round } from "./stats";

/** The offline planner's latency per prompt over the benchmark corpus (goal: p95 < 50 ms). */
export function benchPlanner(iterations = 50) {
  for (const prompt of benchPrompts) planWithEnglish({ prompt, catalog: demoCatalog, sampleValues: demoSampleValues });
  const samples: number[] = [];
  let planned = 0;
  for (let i = 0; i < iterations; i++) {
    for (const prompt of benchPrompts) {
      const started = performance.now();
      const result = planWithEnglish({ prompt, catalog: demoCatalog, sampleValues: demoSampleValues });
      samples.push(performance.now() - started);
      if (i === 0 && result.ok) planned++;
    }
  }
  return {
    prompts: benchPrompts.length,
    planned,
    rejected: benchPrompts.length - planned,
    samples: samples.length,
    p50Ms: round(quantile(samples, 0.5), 3),
    p95Ms: round(quantile(samples, 0.95), 3),
    maxMs: round(Math.max(...samples), 3),
  };
}
