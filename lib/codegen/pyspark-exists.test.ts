import { describe, expect, it } from "vitest";
import type { ExistsFilter } from "@/lib/spec/clauses";
import { demoCatalog } from "@/lib/testing/fixtures/demo-catalog";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import { runGlueScriptWithStubs } from "@/lib/testing/pyspark-stubs";
import { compilePySpark } from "./pyspark";

const ordersStep = {
  schema: "public",
  table: "orders",
  alias: "orders_related",
  on: [{ left: "customer_id", right: "customer_id" }],
};
const paymentsStep = {
  schema: "public",
  table: "payments",
  alias: "payments_related",
  on: [{ left: "order_id", right: "order_id" }],
};
const coupon = {
  op: "=" as const,
  column: { source: "payments_related", column: "payment_method" },
  value: "coupon",
  phrase: "by coupon",
};

function run(filter: ExistsFilter, joinType: "inner" | "left" = "inner") {
  const spec = customerTotalsSpec({ filters: [filter] });
  spec.joins[0].type = joinType;
  const py = compilePySpark({ spec, catalog: demoCatalog });
  const calls = runGlueScriptWithStubs(py, {
    JOB_NAME: "j",
    CONNECTION_NAME: "c",
    DATABASE: "d",
    TARGET_TABLE: '"public"."t"',
  });
  return { py, calls, joins: calls.filter((c) => c.method === "join").map((c) => c.args[2]) };
}

describe("existence checks in the Glue script", () => {
  it("anti-joins the rows that have related rows, after reading and narrowing those rows", () => {
    const { py, calls, joins } = run({
      op: "not_exists",
      source: "customers",
      path: [ordersStep, paymentsStep],
      where: [coupon],
      phrase: "never paid by coupon",
    });
    expect(joins).toEqual(["inner", "inner", "left_anti"]);
    expect(calls.filter((c) => c.method === "option" && c.args[0] === "dbtable").map((c) => c.args[1])).toEqual([
      '"public"."customers"',
      '"public"."orders"',
      '"public"."orders"',
      '"public"."payments"',
      '"public"."t"',
    ]);
    expect(py).toContain('related_1 = related_1.filter((F.col("payments_related.payment_method") == F.lit("coupon")))');
    expect(py).toContain(
      'df = df.join(related_1, (F.col("customers.customer_id") == F.col("related_1_key_0")), "left_anti")',
    );
  });

  it("semi-joins for existence and counts distinct related rows for at least N", () => {
    expect(run({ op: "exists", source: "customers", path: [ordersStep], phrase: "" }).joins).toEqual([
      "inner",
      "left_semi",
    ]);
    const { py, joins } = run({
      op: "exists",
      source: "customers",
      path: [ordersStep],
      minCount: 3,
      phrase: "at least 3 orders",
    });
    expect(joins).toEqual(["inner", "left_semi"]);
    expect(py).toContain('.agg(F.countDistinct(F.col("orders_related.order_id")).alias("related_1_count"))');
    expect(py).toContain('.filter(F.col("related_1_count") >= F.lit(3))');
  });

  it("applies a check on a left join's optional side to that side before the join, as SQL's ON does", () => {
    const filter: ExistsFilter = { op: "exists", source: "orders", path: [paymentsStep], where: [coupon], phrase: "" };
    const { py } = run(filter, "left");
    expect(
      py.indexOf(
        'src_orders = src_orders.join(related_1, (F.col("orders.order_id") == F.col("related_1_key_0")), "left_semi")',
      ),
    ).toBeGreaterThan(0);
    expect(py.indexOf("src_orders = src_orders.join(related_1")).toBeLessThan(py.indexOf("df = df.join(src_orders"));
  });
});
