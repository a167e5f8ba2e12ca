import { describe, expect, it } from "vitest";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import { describeSpec } from "./plain-sentences";

describe("describeSpec", () => {
  it("words every clause of a grouped spec as one sentence, with the words it came from", () => {
    const spec = customerTotalsSpec({
      filters: [
        { op: "=", column: { source: "orders", column: "status" }, value: "shipped", phrase: "shipped orders" },
      ],
      orderBy: [{ output: "total_order_amount", direction: "desc", phrase: "top" }],
      limit: { count: 10, phrase: "top 10" },
    });
    expect(describeSpec(spec)).toEqual([
      { clause: "target", sentence: "Build the table customer_order_totals.", phrase: "" },
      { clause: "sources.0", sentence: "Start from the rows of public.customers.", phrase: "customers" },
      {
        clause: "joins.0",
        sentence: "Join public.orders where customers.customer_id = orders.customer_id, keeping only rows that match.",
        phrase: "orders",
      },
      { clause: "columns.0", sentence: "Column customer_id: customers.customer_id.", phrase: "per customer" },
      {
        clause: "columns.1",
        sentence: "Column total_order_amount: the sum of orders.amount.",
        phrase: "total order amount",
      },
      { clause: "filters.0", sentence: "Keep only rows where orders.status is “shipped”.", phrase: "shipped orders" },
      { clause: "grain", sentence: "One row for each customers.customer_id.", phrase: "per customer" },
      { clause: "orderBy.0", sentence: "Sort by total_order_amount, highest first.", phrase: "top" },
      { clause: "limit", sentence: "Keep the first 10 rows.", phrase: "top 10" },
    ]);
  });

  it("says how a left join keeps rows, and words counts, buckets, lists and ranges", () => {
    const base = customerTotalsSpec();
    const spec = customerTotalsSpec({
      joins: [{ ...base.joins[0], type: "left" }],
      grain: [{ column: { source: "orders", column: "order_date" }, bucket: "month", phrase: "per month" }],
      columns: [
        {
          name: "order_month",
          expr: { kind: "column", column: { source: "orders", column: "order_date" }, bucket: "month" },
          phrase: "per month",
        },
        {
          name: "orders",
          expr: { kind: "aggregate", fn: "count", arg: { kind: "star" }, zeroIfEmpty: true },
          phrase: "number of orders",
        },
        {
          name: "buyers",
          expr: {
            kind: "aggregate",
            fn: "count_distinct",
            arg: { kind: "column", column: { source: "customers", column: "customer_id" } },
          },
          phrase: "",
        },
      ],
      filters: [
        {
          op: "in",
          column: { source: "customers", column: "country" },
          values: ["Germany", "France", "Spain"],
          phrase: "in Germany, France or Spain",
        },
        {
          op: "date_range",
          column: { source: "orders", column: "order_date" },
          from: "2024-01-01",
          to: "2025-01-01",
          phrase: "in 2024",
        },
        { op: "is_null", column: { source: "orders", column: "shipped_at" }, phrase: "not shipped" },
      ],
      having: [{ output: "orders", op: ">", value: 5, phrase: "more than 5 orders" }],
    });
    const sentences = Object.fromEntries(describeSpec(spec).map((s) => [s.clause, s.sentence]));
    expect(sentences["joins.0"]).toBe(
      "Join public.orders where customers.customer_id = orders.customer_id, keeping every customers row, even without a match.",
    );
    expect(sentences["columns.0"]).toBe("Column order_month: the month of orders.order_date.");
    expect(sentences["columns.1"]).toBe("Column orders: the number of rows, 0 when there are none.");
    expect(sentences["columns.2"]).toBe("Column buyers: the number of distinct customers.customer_id.");
    expect(sentences["filters.0"]).toBe(
      "Keep only rows where customers.country is one of “Germany”, “France” and “Spain”.",
    );
    expect(sentences["filters.1"]).toBe(
      "Keep only rows where orders.order_date is on or after 2024-01-01 and before 2025-01-01.",
    );
    expect(sentences["filters.2"]).toBe("Keep only rows where orders.shipped_at is empty.");
    expect(sentences.grain).toBe("One row for each month of orders.order_date.");
    expect(sentences["having.0"]).toBe("Keep only groups where orders is more than 5.");
  });

  it("does not quote a target name given with the request as words of it", () => {
    const spec = customerTotalsSpec({ target: { schema: "public", table: "returned_totals", phrase: "--target" } });
    expect(describeSpec(spec)[0]).toEqual({
      clause: "target",
      sentence: "Build the table public.returned_totals, the name given with the request.",
      phrase: "",
    });
  });

  it("words an existence check and a summary row without grouping", () => {
    const spec = customerTotalsSpec({
      grain: [],
      columns: [
        {
          name: "customers",
          expr: { kind: "aggregate", fn: "count", arg: { kind: "star" } },
          phrase: "how many customers",
        },
      ],
      filters: [
        {
          op: "not_exists",
          source: "customers",
          path: [
            {
              schema: "public",
              table: "orders",
              alias: "orders_related",
              on: [{ left: "customer_id", right: "customer_id" }],
            },
          ],
          phrase: "who never ordered",
        },
      ],
    });
    const sentences = describeSpec(spec);
    expect(sentences.find((s) => s.clause === "filters.0")).toEqual({
      clause: "filters.0",
      sentence: "Keep customers rows that have no related orders rows.",
      phrase: "who never ordered",
    });
    expect(sentences.find((s) => s.clause === "grain")?.sentence).toBe("One summary row over all the rows.");
  });
  it("words shares, ratios, conditional aggregates and conditions on computed values", () => {
    const status = { source: "orders", column: "status" };
    const spec = customerTotalsSpec({
      columns: [
        { name: "orders", expr: { kind: "aggregate", fn: "count", arg: { kind: "star" } }, phrase: "orders" },
        {
          name: "returned",
          expr: {
            kind: "aggregate",
            fn: "count",
            arg: { kind: "star" },
            where: [{ op: "=", column: status, value: "returned", phrase: "returned" }],
          },
          phrase: "returned orders",
        },
        {
          name: "returned_pct",
          expr: { kind: "ratio", numerator: "returned", denominator: "orders", percent: true },
          phrase: "% returned",
        },
        { name: "order_share", expr: { kind: "share", of: "orders", percent: false }, phrase: "share of orders" },
      ],
      filters: [
        {
          op: "expression",
          source: "orders",
          sql: "orders.amount * 2",
          compare: ">",
          value: 100,
          phrase: "twice the amount is over 100",
        },
      ],
    });
    const sentences = Object.fromEntries(describeSpec(spec).map((s) => [s.clause, s.sentence]));
    expect(sentences["columns.1"]).toBe(
      "Column returned: the number of rows over the rows where orders.status is “returned”.",
    );
    expect(sentences["columns.2"]).toBe("Column returned_pct: returned divided by orders, as a percentage.");
    expect(sentences["columns.3"]).toBe("Column order_share: each row's share of the total of orders.");
    expect(sentences["filters.0"]).toBe(
      "Keep only rows where orders.amount * 2 is more than 100 (computed on orders).",
    );
  });
});
