import { describe, expect, it } from "vitest";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import { describeEdge, specLineage } from "./column-lineage";

describe("column lineage of a spec", () => {
  it("names orders.amount → total_order_amount (sum) and customers.customer_id → customer_id for the seed example", () => {
    const lineage = specLineage(customerTotalsSpec());
    expect(lineage.columns.flatMap((c) => c.sources.map((s) => describeEdge(s, c)))).toEqual([
      "public.customers.customer_id → customer_id",
      "public.orders.amount → total_order_amount (sum)",
    ]);
    expect(lineage.rows.map((r) => [r.kind, r.detail])).toEqual([
      ["join", "inner join orders on customers.customer_id = orders.customer_id"],
      ["grain", "one row per customers.customer_id"],
    ]);
  });

  it("follows expressions, time buckets, count(*) and filters", () => {
    const spec = customerTotalsSpec({
      filters: [
        { op: "=", column: { source: "orders", column: "status" }, value: "shipped", phrase: "shipped orders" },
      ],
      grain: [{ column: { source: "orders", column: "order_date" }, bucket: "month", phrase: "per month" }],
      columns: [
        {
          name: "order_month",
          expr: { kind: "column", column: { source: "orders", column: "order_date" }, bucket: "month" },
          phrase: "per month",
        },
        { name: "orders", expr: { kind: "aggregate", fn: "count", arg: { kind: "star" } }, phrase: "number of orders" },
        {
          name: "net",
          expr: {
            kind: "aggregate",
            fn: "sum",
            arg: { kind: "expression", sql: "orders.amount - customers.customer_id * 0" },
          },
          phrase: "net",
        },
      ],
    });
    const lineage = specLineage(spec);
    expect(lineage.columns).toEqual([
      {
        output: "order_month",
        transformation: "time bucket",
        detail: "month",
        sources: [{ table: "public.orders", column: "order_date" }],
      },
      { output: "orders", transformation: "aggregate", detail: "count(*)", sources: [] },
      {
        output: "net",
        transformation: "aggregate",
        detail: "sum(orders.amount - customers.customer_id * 0)",
        sources: [
          { table: "public.orders", column: "amount" },
          { table: "public.customers", column: "customer_id" },
        ],
      },
    ]);
    expect(lineage.rows[0]).toEqual({
      kind: "filter",
      detail: "shipped orders",
      sources: [{ table: "public.orders", column: "status" }],
    });
  });
});
