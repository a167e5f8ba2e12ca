import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import type { Catalog } from "@/lib/catalog/types";
import { planWithEnglish } from "@/lib/planner/reading";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { buildPlannedTable } from "@/lib/testing/planned-table";
import { testServers } from "@/lib/testing/test-database";

/** Plans `prompt` with the reading planner, builds it as `table`, and returns a function that tests the table. */
async function build(h: PipelineHarness, catalog: Catalog, prompt: string, table: string) {
  const test = await buildPlannedTable(h, catalog, prompt, table, planWithEnglish);
  return async () => Object.fromEntries((await test()).map((r) => [r.name, r]));
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
    expect(
      Object.values(await test())
        .filter((r) => !r.passed)
        .map((r) => r.name),
    ).toEqual([]);
    await h.sql`update status_shares set pct_of_order_count = pct_of_order_count + 1 where status = 'shipped'`;
    const failing = await test();
    expect(failing.share_pct_of_order_count).toMatchObject({
      passed: false,
      kind: "derived",
      clause: "columns[2]",
      phrase: "percentage of orders",
    });
    expect(failing.share_pct_of_order_count.failingRows.map((r) => r.problem).sort()).toEqual([
      "share differs",
      "shares add up to 101.0000000000000000",
    ]);
  });

  it("a conditional count is reconciled with its condition, and the ratio with its two counts", async () => {
    const test = await build(h, catalog, "what % of orders got cancelled, per year", "cancelled_share");
    const passing = await test();
    expect(
      Object.values(passing)
        .filter((r) => !r.passed)
        .map((r) => r.name),
    ).toEqual([]);
    expect(passing.reconcile_order_count_got_cancelled).toMatchObject({ passed: true });
    await h.sql`update cancelled_share set order_count_got_cancelled = order_count_got_cancelled + 1`;
    const failing = await test();
    expect(failing.reconcile_order_count_got_cancelled).toMatchObject({ passed: false });
    expect(failing.ratio_pct_order_count_got_cancelled).toMatchObject({ passed: false, kind: "derived" });
  });
});
