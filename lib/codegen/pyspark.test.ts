import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compilePySpark } from "@/lib/codegen/pyspark";
import { runGlueScriptWithStubs } from "@/lib/testing/pyspark-stubs";
import { planWithEnglish } from "@/lib/planner/reading";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";

function script(prompt: string) {
  const r = planWithEnglish({
    prompt,
    catalog: demoCatalog,
    sampleValues: demoSampleValues,
    now: new Date("2025-06-15"),
  });
  if (!r.ok) throw new Error(r.message);
  return { spec: r.spec, py: compilePySpark({ spec: r.spec, catalog: demoCatalog }) };
}

function pyCompiles(source: string): void {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "datamorph-py-")), "job.py");
  writeFileSync(file, source);
  execFileSync("python3", ["-m", "py_compile", file]);
}

describe("compilePySpark", () => {
  it.each([
    "Join customers and orders on customer_id, calculate total order amount per customer",
    "top 10 customers by total order amount for shipped orders in 2024",
    "all customers with their total order amount for shipped orders",
    "total quantity times unit price per product",
    "customers without orders",
    "the 3 largest orders",
    "customers with more than 5 orders",
    "monthly number of orders since March 2024",
    "customers whose first name starts with J",
  ])("emits a Glue script that compiles and runs to its write for %j", (prompt) => {
    const { spec, py } = script(prompt);
    const calls = runGlueScriptWithStubs(py, {
      JOB_NAME: "j",
      CONNECTION_NAME: "c",
      DATABASE: "d",
      TARGET_TABLE: '"public"."t"',
    });
    // Every source is read (and the tables an existence check looks into), and the target is written last.
    const tables = calls.filter((c) => c.method === "option" && c.args[0] === "dbtable").map((c) => c.args[1]);
    expect(tables.slice(0, spec.sources.length)).toEqual(spec.sources.map((s) => `"${s.schema}"."${s.table}"`));
    expect(tables.at(-1)).toBe('"public"."t"');
    expect(calls.slice(-2).map((c) => [c.method, ...c.args])).toEqual([["mode", "overwrite"], ["save"]]);
  });

  it("reads its connection name, database and target from job arguments and overwrites the target", () => {
    const { py } = script("total order amount per customer");
    expect(py).toContain('getResolvedOptions(sys.argv, ["JOB_NAME", "CONNECTION_NAME", "DATABASE", "TARGET_TABLE"])');
    expect(py).toContain('.option("dbtable", args["TARGET_TABLE"]).mode("overwrite").save()');
  });

  it("ends with the same output columns, in the same order, as the SQL", () => {
    const { spec, py } = script("number of orders per customer with their first and last name");
    expect(py).toContain(`df = df.select(${spec.columns.map((c) => JSON.stringify(c.name)).join(", ")})`);
  });

  it("filters the optional side before a left join and ranks with nulls last", () => {
    // The plan a reviewer makes of "all customers with their total order amount": a condition on the
    // optional side of the left join, and the top 10.
    const { spec } = script("all customers with their total order amount");
    const py = compilePySpark({
      spec: {
        ...spec,
        filters: [{ op: "=", column: { source: "orders", column: "status" }, value: "shipped", phrase: "shipped" }],
        orderBy: [
          { output: "total_order_amount", direction: "desc", phrase: "top 10" },
          { output: "customer_id", direction: "asc", phrase: "top 10" },
        ],
        limit: { count: 10, phrase: "top 10" },
      },
      catalog: demoCatalog,
    });
    expect(py.indexOf('src_orders = src_orders.filter((F.col("orders.status") == F.lit("shipped")))')).toBeLessThan(
      py.indexOf("df = df.join("),
    );
    expect(py).toContain(
      'df = df.orderBy(F.col("total_order_amount").desc_nulls_last(), F.col("customer_id").asc_nulls_last(), F.col("first_name").asc_nulls_last(), F.col("last_name").asc_nulls_last())',
    );
    expect(py).toContain("df = df.limit(10)");
  });

  it("finds text without regard to case, as the SQL's ILIKE does", () => {
    const { py } = script("customers with 'GIFT' anywhere in the email");
    expect(py).toContain('F.lower(F.col("customers.email")).contains("gift")');
  });

  it("keeps a hostile prompt inside comments", () => {
    const r = planWithEnglish({ prompt: "total order amount per customer", catalog: demoCatalog });
    if (!r.ok) throw new Error(r.message);
    const py = compilePySpark({
      spec: { ...r.spec, prompt: "x\rimport os\u2028os.system('rm -rf /')" },
      catalog: demoCatalog,
    });
    expect(py).toContain("# import os");
    expect(() => pyCompiles(py)).not.toThrow();
  });
});
