import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import type { Catalog } from "@/lib/catalog/types";
import { planWithEnglish } from "@/lib/planner/reading";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { buildPlannedTable } from "@/lib/testing/planned-table";
import { testServers } from "@/lib/testing/test-database";

/** Plans `prompt`, builds it as `table` by hand, and returns a function that tests the table. */
async function build(h: PipelineHarness, catalog: Catalog, prompt: string, table: string) {
  const test = await buildPlannedTable(h, catalog, prompt, table, planWithEnglish);
  return async () => Object.fromEntries((await test()).map((r) => [r.kind === "reconcile" ? "reconcile" : r.name, r]));
}

describe("data tests catch a wrong table", () => {
  let h: PipelineHarness;
  let catalog: Catalog;
  beforeAll(async () => {
    h = await createPipelineHarness(testServers()[0]);
    catalog = await readCatalog(h.sql, ["public"]);
  });
  afterAll(async () => h?.close());

  it("totals reconciled from the source table alone when keys prove the join lossless", async () => {
    const test = await build(
      h,
      catalog,
      "Join customers and orders on customer_id, calculate total order amount per customer",
      "seed",
    );
    const passing = await test();
    expect(Object.values(passing).every((r) => r.passed)).toBe(true);
    expect(passing.reconcile.description).toMatch(/orders alone/);

    await h.sql`update seed set total_order_amount = total_order_amount + 1 where customer_id = 1`;
    const failing = await test();
    expect(failing.reconcile).toMatchObject({ passed: false, failingCount: 1 });
    expect(failing.reconcile.failingRows[0]).toMatchObject({ problem: "total differs" });

    await h.sql`insert into seed select * from seed where customer_id = 2`;
    expect((await test()).grain_unique).toMatchObject({
      passed: false,
      failingRows: [{ customer_id: 2, copies: "2" }],
    });
  });

  it("reconciles group by group when a filter on another table could drop rows", async () => {
    const test = await build(h, catalog, "total order amount per customer for customers in Germany", "german");
    const passing = await test();
    expect(passing.reconcile).toMatchObject({ passed: true });
    expect(passing.reconcile.description).not.toMatch(/alone/);
    await h.sql`update german set total_order_amount = 0 where customer_id = (select min(customer_id) from german)`;
    const failing = await test();
    expect(failing.reconcile).toMatchObject({ passed: false, failingCount: 1 });
    expect(failing.reconcile.failingRows[0]).toMatchObject({ problem: "value differs", actual: "0" });
  });
});
