import { describe, expect, it } from "vitest";
import { compilePrompt } from "@/lib/testing/compile-prompt";

describe("the first rows of each group, in both compilers", () => {
  it("numbers the rows within each group in the table's order and keeps the first ones", () => {
    const { spec, sql, py, calls } = compilePrompt("the 2 most expensive products per category");
    expect(spec.limit).toMatchObject({ count: 2, per: ["category"] });
    expect(sql).toContain(
      'ROW_NUMBER() OVER (PARTITION BY "products"."category" ORDER BY "products"."unit_price" DESC NULLS LAST, "products"."product_id" ASC NULLS LAST) AS "rank_in_group"',
    );
    expect(sql).toContain('WHERE "rank_in_group" <= 2');
    expect(sql).not.toMatch(/^LIMIT/m);
    expect(sql.split("\n")[1]).toBe('  "product_id",');
    expect(py).toContain("from pyspark.sql import Window");
    expect(py).toContain(
      'rank_window = Window.partitionBy(F.col("category")).orderBy(F.col("unit_price").desc_nulls_last(), F.col("product_id").asc_nulls_last())',
    );
    expect(py).toContain('.filter(F.col("rank_in_group") <= F.lit(2)).drop("rank_in_group")');
    expect(py).not.toContain("df.limit(");
    expect(calls.some((c) => c.method === "withColumn" && c.args[0] === "rank_in_group")).toBe(true);
  });

  it("keeps a plain limit for a ranking over every row", () => {
    const { spec, sql, py } = compilePrompt("the 3 largest orders");
    expect(spec.limit?.per).toBeUndefined();
    expect(sql).toMatch(/^LIMIT 3$/m);
    expect(py).toContain("df = df.limit(3)");
  });
});
