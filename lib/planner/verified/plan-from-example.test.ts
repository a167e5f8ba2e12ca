import { describe, expect, it } from "vitest";
import { compileSql } from "@/lib/codegen/sql";
import { planWithEnglish } from "@/lib/planner/reading";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { planFromVerifiedExample, type VerifiedExample } from "./plan-from-example";

// A verified example is a request a person checked; these tests plan its spec with the reading
// planner, as a run would have, and then ask again in other words or with other values.

const NOW = new Date("2025-06-15");

function verified(prompt: string, id = "ex1"): VerifiedExample {
  const read = planWithEnglish({ prompt, catalog: demoCatalog, sampleValues: demoSampleValues, now: NOW });
  if (!read.ok) throw new Error(`refused: ${read.message}`);
  return { id, prompt, spec: read.spec, by: "ada@example.com", runId: null };
}

const plan = (prompt: string, examples: VerifiedExample[]) =>
  planFromVerifiedExample({ prompt, examples, catalog: demoCatalog, sampleValues: demoSampleValues });
const sqlOf = (result: ReturnType<typeof plan>) => compileSql({ spec: result!.spec, catalog: demoCatalog });

describe("planFromVerifiedExample", () => {
  it("reuses the example's spec for the same request, however it is spaced or cased", () => {
    const example = verified("total order amount per customer for shipped orders");
    const result = plan("  Total order amount per customer for  shipped orders. ", [example]);
    expect(result?.exampleId).toBe("ex1");
    expect(result?.spec.filters).toEqual(example.spec.filters);
    expect(result?.notes[0]).toContain('planned as the verified example "total order amount per customer');
  });

  it("puts a known value of the same column in place of the example's, in the column's spelling", () => {
    const example = verified("total order amount per customer for shipped orders");
    const result = plan("total order amount per customer for Returned orders", [example]);
    expect(sqlOf(result)).toContain(`"orders"."status" = 'returned'`);
    expect(sqlOf(result)).not.toContain("shipped");
    expect(result?.notes[0]).toContain('"Returned" in place of "shipped"');
    expect(result?.spec.filters[0].phrase).toContain("Returned");
  });

  it("changes a count, a threshold and a year when those are what the words change", () => {
    const top = verified("top 5 customers by total order amount");
    expect(plan("top 12 customers by total order amount", [top])?.spec.limit?.count).toBe(12);
    const year = verified("number of orders per customer in 2024");
    expect(sqlOf(plan("number of orders per customer in 2023", [year]))).toContain(
      `>= DATE '2023-01-01' AND "orders"."order_date" < DATE '2024-01-01'`,
    );
    const over = verified("customers with more than 20 orders");
    expect(sqlOf(plan("customers with more than 3 orders", [over]))).toContain("HAVING count(*) > 3");
  });

  it("does not reuse an example when other words change, or a value the column does not hold", () => {
    const example = verified("total order amount per customer for shipped orders");
    expect(plan("total order amount per product for shipped orders", [example])).toBeNull();
    expect(plan("total order amount per customer for lost orders", [example])).toBeNull();
    expect(plan("total order amount per customer for shipped or returned orders", [example])).toBeNull();
  });

  it("does not reuse an example read against a relative period, whose dates would be stale", () => {
    const example = verified("number of orders per customer in the last 30 days");
    expect(example.spec.asOf).toBeDefined();
    expect(plan("number of orders per customer in the last 30 days", [example])).toBeNull();
  });

  it("skips an example whose spec no longer fits the catalog and tries the next", () => {
    const stale = verified("total order amount per customer for shipped orders", "stale");
    stale.spec = { ...stale.spec, sources: stale.spec.sources.map((s) => ({ ...s, table: "orders_gone" })) };
    const fresh = verified("total order amount per customer for shipped orders", "fresh");
    expect(plan("total order amount per customer for shipped orders", [stale, fresh])?.exampleId).toBe("fresh");
  });
});
