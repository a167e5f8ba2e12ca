import type { PipelineHarness } from "@/agents/testing/pipeline-harness";
import { readSampleValues } from "@/lib/catalog/sample-values";
import type { Catalog } from "@/lib/catalog/types";
import { compileSql } from "@/lib/codegen/sql";
import type { PlannerInput, PlanResult } from "@/lib/planner/types";
import { generateTests } from "@/lib/validation/generate-tests";
import { runTests } from "@/lib/validation/run-tests";

/**
 * Plans `prompt` with `planner`, builds it as `table` by hand (no repair, no publish), and returns
 * a function that runs the plan's data tests on the table as it is then: tests that change the
 * table between calls see whether the data tests notice.
 */
export async function buildPlannedTable(
  h: PipelineHarness,
  catalog: Catalog,
  prompt: string,
  table: string,
  planner: (input: PlannerInput) => PlanResult,
) {
  const plan = planner({ prompt, catalog, sampleValues: await readSampleValues(h.sql, ["public"]) });
  if (!plan.ok) throw new Error(plan.message);
  const spec = plan.spec;
  await h.sql.unsafe(`create table "${table}" as ${compileSql({ spec, catalog })}`);
  return () => runTests(h.sql, generateTests({ spec, catalog, target: `"public"."${table}"` }), { timeoutMs: 30_000 });
}
