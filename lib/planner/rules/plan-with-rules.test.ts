import { describe, expect, it } from "vitest";
import { planWithRules } from "@/lib/planner/rules";
import { compileSql } from "@/lib/codegen/sql";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";

const now = new Date("2025-06-15T12:00:00Z");

function plan(prompt: string) {
  const result = planWithRules({ prompt, catalog: demoCatalog, sampleValues: demoSampleValues, now });
  if (!result.ok) throw new Error(`rejected ${result.code}: ${result.message}`);
  return { ...result, sql: compileSql({ spec: result.spec, catalog: demoCatalog }) };
}
const names = (p: ReturnType<typeof plan>) => p.spec.columns.map((c) => c.name);

describe("planWithRules on the demo warehouse", () => {
  it("plans the seed prompt as customers inner join orders, one row per customer", () => {
    const p = plan("Join customers and orders on customer_id, calculate total order amount per customer");
    expect(p.spec.sources.map((s) => s.table)).toEqual(["customers", "orders"]);
    expect(p.spec.joins).toMatchObject([
      { type: "inner", left: "customers", right: "orders", on: [{ left: "customer_id", right: "customer_id" }] },
    ]);
    expect(p.spec.grain).toMatchObject([
      { column: { source: "customers", column: "customer_id" }, phrase: "per customer" },
    ]);
    expect(names(p)).toEqual(["customer_id", "total_order_amount"]);
    expect(p.spec.columns[1].expr).toEqual({
      kind: "aggregate",
      fn: "sum",
      arg: { kind: "column", column: { source: "orders", column: "amount" } },
    });
    expect(p.spec.target.table).toBe("customer_order_totals");
    expect(p.sql).toContain('sum("orders"."amount") AS "total_order_amount"');
    expect(p.sql).toContain(
      'INNER JOIN "public"."orders" AS "orders"\n  ON "orders"."customer_id" = "customers"."customer_id"',
    );
    expect(p.sql).toMatch(/GROUP BY\n {2}"customers"."customer_id"$/);
    expect(p.confidence).toBe(1);
  });

  it("traces every clause of the seed prompt back to its words", () => {
    const p = plan("Join customers and orders on customer_id, calculate total order amount per customer");
    expect(p.spec.joins[0].phrase).toBe("Join customers and orders on customer_id");
    expect(p.spec.columns[1].phrase).toBe("total order amount");
  });

  it("infers the join from the foreign key when the prompt names no join", () => {
    const p = plan("total order amount per customer");
    expect(p.spec.joins[0]).toMatchObject({ left: "customers", right: "orders", type: "inner" });
    expect(names(p)).toEqual(["customer_id", "total_order_amount"]);
  });

  it("adds the customer's name only when asked, and groups by it", () => {
    const p = plan("number of orders per customer with their first and last name");
    expect(names(p)).toEqual(["customer_id", "first_name", "last_name", "order_count"]);
    expect(p.sql).toContain(
      'GROUP BY\n  "customers"."customer_id",\n  "customers"."first_name",\n  "customers"."last_name"',
    );
  });

  it("keeps customers without orders with a left join and reports 0 for them", () => {
    const p = plan("all customers with their total order amount, including customers without orders");
    expect(p.spec.joins[0].type).toBe("left");
    expect(p.sql).toContain('COALESCE(sum("orders"."amount"), 0) AS "total_order_amount"');
  });

  it("reads 'customers without orders' as an anti join", () => {
    const p = plan("customers without orders");
    expect(p.sql).toContain("LEFT JOIN");
    expect(p.sql).toContain('WHERE "orders"."order_id" IS NULL');
    expect(names(p)).not.toContain("order_id");
  });

  it("filters the optional side of a left join inside the join", () => {
    const p = plan("all customers with their total order amount for shipped orders");
    expect(p.sql).toContain(
      `ON "orders"."customer_id" = "customers"."customer_id"\n  AND "orders"."status" = 'shipped'`,
    );
    expect(p.sql).not.toContain("WHERE");
  });

  it("buckets by month with date_trunc and filters a year and a status list", () => {
    const p = plan("total amount per month for shipped or completed orders in 2024");
    expect(p.spec.grain).toMatchObject([{ column: { source: "orders", column: "order_date" }, bucket: "month" }]);
    expect(names(p)).toEqual(["order_month", "total_amount"]);
    expect(p.sql).toContain(`CAST(date_trunc('month', "orders"."order_date") AS date) AS "order_month"`);
    expect(p.sql).toContain(`"orders"."order_date" >= DATE '2024-01-01' AND "orders"."order_date" < DATE '2025-01-01'`);
    expect(p.sql).toContain(`"orders"."status" IN ('shipped', 'completed')`);
  });

  it("reads time adverbs and 'by year' as buckets", () => {
    expect(plan("weekly number of orders").spec.grain[0].bucket).toBe("week");
    expect(plan("number of orders by year").spec.grain[0].bucket).toBe("year");
  });

  it("ranks the top 10 customers with a deterministic tiebreaker", () => {
    const p = plan("top 10 customers by total order amount");
    expect(p.spec.limit?.count).toBe(10);
    expect(p.spec.orderBy).toMatchObject([{ output: "total_order_amount", direction: "desc" }]);
    expect(p.sql).toContain('ORDER BY "total_order_amount" DESC NULLS LAST, "customer_id" ASC NULLS LAST\nLIMIT 10');
  });

  it("ranks rows for 'the 3 largest orders' by the order amount", () => {
    const p = plan("the 3 largest orders");
    expect(p.sql).toContain('ORDER BY "amount" DESC NULLS LAST, "order_id" ASC NULLS LAST\nLIMIT 3');
    expect(p.spec.target.table).toBe("top_3_orders");
  });

  it("counts orders distinctly when order items repeat them", () => {
    const p = plan("number of orders per product category");
    expect(p.sql).toContain('count(DISTINCT "orders"."order_id") AS "order_count"');
    expect(p.spec.sources.map((s) => s.table)).toEqual(["orders", "order_items", "products"]);
  });

  it("refuses a sum that the joins would double count", () => {
    const r = planWithRules({ prompt: "total order amount per product category", catalog: demoCatalog, now });
    expect(r).toMatchObject({ ok: false, code: "ambiguous" });
  });

  it("multiplies columns of one table and names the result as asked", () => {
    const p = plan("total quantity times unit price per product as revenue");
    expect(p.sql).toContain('sum("order_items"."quantity" * "order_items"."unit_price") AS "revenue"');
    expect(p.spec.columns[1].renamePhrase).toBe("as revenue");
  });

  it("converts grams to kilograms with numeric division", () => {
    const p = plan("products with weight in kilograms");
    expect(p.sql).toContain('CAST("products"."weight_grams" AS numeric) / 1000 AS "weight_in_kilograms"');
    expect(names(p)).toEqual(["product_id", "weight_in_kilograms"]);
  });

  it("reads comparisons, ranges, lists and nulls", () => {
    expect(plan("orders where amount between 50 and 100").sql).toContain('"orders"."amount" BETWEEN 50 AND 100');
    expect(plan("orders with amount at least 250").sql).toContain('"orders"."amount" >= 250');
    expect(plan("orders over 100").sql).toContain('"orders"."amount" > 100');
    expect(plan("orders where status in ('shipped','returned')").sql).toContain(
      `"orders"."status" IN ('shipped', 'returned')`,
    );
    expect(plan("customers without an email").sql).toContain('"customers"."email" IS NULL');
    expect(plan("customers where email is not null").sql).toContain('"customers"."email" IS NOT NULL');
    expect(plan("orders that are not cancelled").sql).toContain(`"orders"."status" <> 'cancelled'`);
    expect(plan("customers where country is Germany").sql).toContain(`"customers"."country" = 'Germany'`);
    expect(plan("products with a price over 10").sql).toContain('"products"."unit_price" > 10');
  });

  it("reads dates relative to now and calendar phrases", () => {
    expect(plan("orders in the last 30 days").spec.filters[0]).toMatchObject({
      op: "date_range",
      from: "2025-05-17",
      to: "2025-06-16",
    });
    expect(plan("orders since March 2024").spec.filters[0]).toMatchObject({ from: "2024-03-01" });
    expect(plan("orders before 2020-01-01").spec.filters[0]).toMatchObject({ to: "2020-01-01" });
    expect(plan("customers who signed up in 2023").spec.filters[0]).toMatchObject({
      column: { column: "signup_date" },
      from: "2023-01-01",
      to: "2024-01-01",
    });
    expect(plan("orders shipped in 2024").spec.filters[0]).toMatchObject({ column: { column: "shipped_at" } });
  });

  it("uses sample values for status words and payment methods", () => {
    expect(plan("orders paid by credit card").sql).toContain(`"payments"."payment_method" = 'credit_card'`);
    expect(plan("number of corporate customers per country").sql).toContain(`"customers"."segment" = 'corporate'`);
  });

  it("keeps counts as HAVING", () => {
    const p = plan("customers with more than 5 orders");
    expect(p.sql).toContain('HAVING count("orders"."order_id") > 5');
  });

  it("honours explicit target names and renames", () => {
    const p = plan("total order amount per customer call it total_spent into analytics.customer_ltv");
    expect(p.spec.target).toMatchObject({ schema: "analytics", table: "customer_ltv" });
    expect(names(p)).toEqual(["customer_id", "total_spent"]);
  });

  it("reads two aggregates over one column", () => {
    const p = plan("earliest and latest order date per customer");
    expect(p.sql).toContain('min("orders"."order_date") AS "earliest_order_date"');
    expect(p.sql).toContain('max("orders"."order_date") AS "latest_order_date"');
  });

  it("walks three tables through foreign keys", () => {
    const p = plan("number of distinct products per customer");
    expect(p.spec.sources.map((s) => s.table)).toEqual(["customers", "orders", "order_items", "products"]);
  });

  it("plans the same prompt to the same SQL every time", () => {
    const a = plan("top 5 products by total quantity").sql;
    expect(plan("top 5 products by total quantity").sql).toBe(a);
  });
});
