import { describe, expect, it } from "vitest";
import { libraryCatalog, librarySampleValues } from "@/lib/planner/reading/testing/lending-library";
import { compilePrompt } from "@/lib/testing/compile-prompt";

describe("derived outputs in both compilers", () => {
  it("a share divides each group's aggregate by its total over every group", () => {
    const { sql, py, calls } = compilePrompt("percentage of orders per status");
    expect(sql).toContain('CAST(count(*) AS numeric) * 100 / NULLIF(sum(count(*)) OVER (), 0) AS "pct_of_order_count"');
    expect(sql).toMatch(/GROUP BY\n {2}"orders"."status"\n?$/);
    expect(py).toContain("from pyspark.sql import Window");
    expect(py).toContain(
      'df = df.withColumn("pct_of_order_count", (F.col("order_count").cast("decimal(38,10)") * 100 / F.when(F.sum(F.col("order_count")).over(Window.partitionBy()) != 0, F.sum(F.col("order_count")).over(Window.partitionBy()))))',
    );
    expect(calls.some((c) => c.method === "withColumn" && c.args[0] === "pct_of_order_count")).toBe(true);
  });

  it("a conditional aggregate counts only its rows, and a ratio divides it by the group's count", () => {
    const { sql, py } = compilePrompt("what % of orders got cancelled, per year");
    expect(sql).toContain(`count(*) FILTER (WHERE "orders"."status" = 'cancelled')`);
    expect(sql).toContain(
      `CAST(count(*) FILTER (WHERE "orders"."status" = 'cancelled') AS numeric) * 100 / NULLIF(count(*), 0)`,
    );
    expect(py).toContain(
      'F.count(F.when(((F.col("orders.status") == F.lit("cancelled"))), F.lit(1))).alias("order_count_got_cancelled")',
    );
    expect(py).not.toContain("Window");
  });

  it("arithmetic is read into a checked expression, and a difference of dates is whole days in Spark too", () => {
    expect(compilePrompt("total quantity times unit price per product").sql).toContain(
      'sum("order_items"."quantity" * "order_items"."unit_price")',
    );
    const { sql, py } = compilePrompt(
      "average number of days between loaned on and returned on per member",
      libraryCatalog,
      librarySampleValues,
    );
    expect(sql).toContain('avg("loans"."returned_on" - "loans"."loaned_on")');
    expect(py).toContain('F.avg(F.datediff(F.col("loans.returned_on"), F.col("loans.loaned_on")))');
  });

  it("the time between two instants is their seconds apart in the unit asked for, in both engines", () => {
    const { sql, py, calls } = compilePrompt("average hours between order date and shipped date per status");
    expect(sql).toContain(
      'avg(CAST(EXTRACT(EPOCH FROM "orders"."shipped_at" - "orders"."order_date") AS numeric) / 3600)',
    );
    expect(py).toContain(
      'F.avg(((F.unix_timestamp(F.col("orders.shipped_at")) - F.unix_timestamp(F.col("orders.order_date"))).cast("decimal(38,10)") / F.when(F.lit(3600) != 0, F.lit(3600))))',
    );
    expect(calls.some((c) => c.method === "agg")).toBe(true);
    // Two calendar dates are whole days apart: in hours, 24 times that.
    const dates = compilePrompt(
      "average hours between loaned on and returned on per member",
      libraryCatalog,
      librarySampleValues,
    );
    expect(dates.sql).toContain('avg(("loans"."returned_on" - "loans"."loaned_on") * 24)');
    expect(dates.py).toContain('F.avg((F.datediff(F.col("loans.returned_on"), F.col("loans.loaned_on")) * F.lit(24)))');
  });

  it("a comparison on a computed value filters the rows in both engines", () => {
    const { sql, py } = compilePrompt(
      "loans that took more than 2 weeks to return",
      libraryCatalog,
      librarySampleValues,
    );
    expect(sql).toContain('WHERE "loans"."returned_on" - "loans"."loaned_on" > 14');
    expect(py).toContain(
      'df = df.filter((F.datediff(F.col("loans.returned_on"), F.col("loans.loaned_on")) > F.lit(14)))',
    );
    // An instant has a time of day: "more than 3 days" is more than 3 × 86,400 seconds.
    expect(compilePrompt("orders that took more than 3 days to ship").sql).toContain(
      'WHERE CAST(EXTRACT(EPOCH FROM "orders"."shipped_at" - "orders"."order_date") AS numeric) / 86400 > 3',
    );
  });
});
