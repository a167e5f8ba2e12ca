import { describe, expect, it } from "vitest";
import type { Catalog, CatalogTable } from "@/lib/catalog/types";
import { compileSql } from "@/lib/codegen/sql";
import { planWithRules } from "@/lib/planner/rules";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";

// What the warehouse looks like after the seed prompt has been published once: a keyless table
// whose column name repeats the prompt's words.
const published: CatalogTable = {
  schema: "public",
  name: "customer_order_totals",
  columns: [
    { name: "customer_id", dataType: "integer", nullable: true },
    { name: "total_order_amount", dataType: "numeric", nullable: true },
  ],
  primaryKey: [],
  foreignKeys: [],
};
const statusCounts: CatalogTable = {
  schema: "public",
  name: "status_order_counts",
  columns: [
    { name: "status", dataType: "text", nullable: true },
    { name: "order_count", dataType: "bigint", nullable: true },
  ],
  primaryKey: [],
  foreignKeys: [],
};
const afterFirstRun: Catalog = { tables: [...demoCatalog.tables, published, statusCounts] };
const sampleValues = { ...demoSampleValues, "status_order_counts.status": demoSampleValues["orders.status"] };

function sqlFor(prompt: string, derivedTables?: string[]) {
  const result = planWithRules({
    prompt,
    catalog: afterFirstRun,
    sampleValues,
    derivedTables,
    now: new Date("2025-06-15T12:00:00Z"),
  });
  if (!result.ok) throw new Error(`rejected ${result.code}: ${result.message}`);
  return compileSql({ spec: result.spec, catalog: afterFirstRun });
}

describe("a published table never shadows the sources it was built from", () => {
  it("plans the seed prompt again exactly as the first time", () => {
    const seed = "Join customers and orders on customer_id, calculate total order amount per customer";
    const first = planWithRules({ prompt: seed, catalog: demoCatalog, sampleValues: demoSampleValues });
    const again = planWithRules({ prompt: seed, catalog: afterFirstRun, sampleValues });
    expect(again.ok && first.ok && again.spec).toEqual(first.ok && first.spec);
    expect(sqlFor(seed)).toContain('sum("orders"."amount") AS "total_order_amount"');
    expect(sqlFor(seed)).not.toContain("customer_order_totals");
  });

  it("links column words to the named tables and their join path before any other table", () => {
    for (const prompt of [
      "total order amount per customer",
      "total amount per customer",
      "total order amount per customer for orders in 2024",
    ]) {
      const sql = sqlFor(prompt);
      expect(sql, prompt).toContain('sum("orders"."amount")');
      expect(sql, prompt).not.toContain("customer_order_totals");
    }
  });

  it("reads a known value as the source column, not the published copy of it", () => {
    const sql = sqlFor("number of shipped orders per customer");
    expect(sql).toContain(`"orders"."status" = 'shipped'`);
    expect(sql).not.toContain("status_order_counts");
  });

  it("ranks tables DataMorph published below source tables when the prompt names no table", () => {
    expect(sqlFor("total order amount")).toContain('"customer_order_totals"."total_order_amount"');
    const sql = sqlFor("total order amount", ["public.customer_order_totals", "public.status_order_counts"]);
    expect(sql).toContain('sum("orders"."amount") AS "total_order_amount"');
    expect(sql).not.toContain("customer_order_totals");
  });

  it("still reads a published table the prompt names", () => {
    const sql = sqlFor("average total order amount of customer_order_totals", ["public.customer_order_totals"]);
    expect(sql).toContain('avg("customer_order_totals"."total_order_amount")');
    expect(
      sqlFor("customer_order_totals with total order amount over 1000", ["public.customer_order_totals"]),
    ).toContain('WHERE "customer_order_totals"."total_order_amount" > 1000');
  });
});
