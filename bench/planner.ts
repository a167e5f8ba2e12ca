import { planWithEnglish } from "@/lib/planner/reading";
import { planWithRules, type PlannerInput, type PlanResult } from "@/lib/planner/rules";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { benchPrompts } from "./prompts";
import { quantile, round } from "./stats";

/**
 * Planner latency per prompt over the benchmark corpus: the rules planner (goal: p95 < 20 ms) or
 * the reading planner (goal: p95 < 50 ms).
 */
export function benchPlanner(iterations = 50, planner: (input: PlannerInput) => PlanResult = planWithRules) {
  const planWithRules = planner;
  for (const prompt of benchPrompts) planWithRules({ prompt, catalog: demoCatalog, sampleValues: demoSampleValues });
  const samples: number[] = [];
  let planned = 0;
  for (let i = 0; i < iterations; i++) {
    for (const prompt of benchPrompts) {
      const started = performance.now();
      const result = planWithRules({ prompt, catalog: demoCatalog, sampleValues: demoSampleValues });
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

/** The reading planner's latency over the same prompts. */
export const benchReadingPlanner = (iterations = 50) => benchPlanner(iterations, planWithEnglish);
