import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { readSampleValues } from "@/lib/catalog/sample-values";
import type { Catalog } from "@/lib/catalog/types";
import { compileSql } from "@/lib/codegen/sql";
import { planWithEnglish } from "@/lib/planner/reading";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";
import { generateTests } from "./generate-tests";
import { runTests } from "./run-tests";

/** Plans `prompt` with the reading planner, builds it as `table`, and returns a function that tests the table. */
async function build(h: PipelineHarness, catalog: Catalog, prompt: string, table: string) {
  const plan = planWithEnglish({ prompt, catalog, sampleValues: await readSampleValues(h.sql, ["public"]) });
  if (!plan.ok) throw new Error(plan.message);
  await h.sql.unsafe(`create table "${table}" as ${compileSql({ spec: plan.spec, catalog })}`);
  return async () => Object.fromEntries((await runTests(h.sql, generateTests({ spec: plan.spec, catalog, target: `"public"."${table}"` }), { timeoutMs: 30_000 })).map((r) => [r.name, r]));
}

describe("data tests of derived measures", () => {
  let h: PipelineHarness;
  let catalog: Catalog;
  beforeAll(async () => {
    h = await createPipelineHarness(testServers()[0]);
    catalog = await readCatalog(h.sql, ["public"]);
  });
  afterAll(async () => h?.close());

  it("a share must be its group's part of the whole, and the shares must add up to 100", async () => {
    const test = await build(h, catalog, "percentage of orders per status", "status_shares");
    expect(Object.values(await test()).filter((r) => !r.passed).map((r) => r.name)).toEqual([]);
    await h.sql`update status_shares set pct_of_orders_count = pct_of_orders_count + 1 where status = 'shipped'`;
    const failing = await test();
    expect(failing.share_pct_of_orders_count).toMatchObject({ passed: false, kind: "derived", clause: "columns[2]", phrase: "percentage of orders" });
    expect(failing.share_pct_of_orders_count.failingRows.map((r) => r.problem).sort()).toEqual(["share differs", "shares add up to 101.0000000000000000"]);
  });

  it("a conditional count is reconciled with its condition, and the ratio with its two counts", async () => {
    const test = await build(h, catalog, "what % of orders got cancelled, per year", "cancelled_share");
    const passing = await test();
    expect(Object.values(passing).filter((r) => !r.passed).map((r) => r.name)).toEqual([]);
    expect(passing.reconcile_orders_count_got_cancelled).toMatchObject({ passed: true });
    await h.sql`update cancelled_share set orders_count_got_cancelled = orders_count_got_cancelled + 1`;
    const failing = await test();
    expect(failing.reconcile_orders_count_got_cancelled).toMatchObject({ passed: false });
    expect(failing.ratio_pct_orders_count_got_cancelled).toMatchObject({ passed: false, kind: "derived" });
  });
});
