import { describe, expect, it } from "vitest";
import { compilePySpark } from "@/lib/codegen/pyspark";
import type { GlueJdbcArgs } from "@/lib/codegen/pyspark-jdbc";
import { runGlueScriptWithStubs as runWithStubs } from "@/lib/testing/pyspark-stubs";
import { planWithEnglish } from "@/lib/planner/reading";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";

function compile(jdbc?: GlueJdbcArgs): string {
  const r = planWithEnglish({
    prompt: "total order amount per customer",
    catalog: demoCatalog,
    sampleValues: demoSampleValues,
    now: new Date("2025-06-15"),
  });
  if (!r.ok) throw new Error(r.message);
  return compilePySpark({ spec: r.spec, catalog: demoCatalog, jdbc });
}

describe("Glue script credentials", () => {
  const target = '"public"."customer_totals__shadow_1a2b3c4d_0"';

  it("by default takes url, user and password from the Glue connection named by a job argument", () => {
    const calls = runWithStubs(compile(), {
      JOB_NAME: "datamorph-public-t",
      CONNECTION_NAME: "warehouse-rds",
      DATABASE: "warehouse",
      TARGET_TABLE: target,
    });
    expect(calls.filter((c) => c.method === "extract_jdbc_conf")).toEqual([
      { method: "extract_jdbc_conf", args: ["warehouse-rds"], kwargs: {} },
    ]);
    const options = calls.filter((c) => c.method === "options").map((c) => c.kwargs);
    expect(options.length).toBeGreaterThanOrEqual(3); // two reads and the write
    for (const o of options)
      expect(o).toEqual({
        url: "jdbc:postgresql://warehouse.internal:5432/warehouse",
        user: "etl",
        password: "from-the-connection",
        driver: "org.postgresql.Driver",
      });
    const tables = calls.filter((c) => c.method === "option" && c.args[0] === "dbtable").map((c) => c.args[1]);
    expect(tables).toEqual(['"public"."orders"', '"public"."customers"', target]);
    expect(calls.slice(-2).map((c) => [c.method, ...c.args])).toEqual([["mode", "overwrite"], ["save"]]);
  });

  it("never reads a password from a job argument in the connection form", () => {
    const source = compile();
    expect(source).not.toMatch(/PASSWORD/);
    expect([...source.matchAll(/args\["([A-Z_]+)"\]/g)].map((m) => m[1]).sort()).toEqual([
      "CONNECTION_NAME",
      "DATABASE",
      "TARGET_TABLE",
    ]);
  });

  it("reads everything from job arguments when asked, for a Spark without Glue connections", () => {
    const source = compile({ credentials: "arguments" });
    expect(source).not.toContain("extract_jdbc_conf");
    const calls = runWithStubs(source, {
      JOB_NAME: "j",
      JDBC_URL: "jdbc:postgresql://localhost:5432/dev",
      JDBC_USER: "dev",
      JDBC_PASSWORD: "dev",
      TARGET_TABLE: target,
    });
    expect(calls.find((c) => c.method === "options")?.kwargs).toMatchObject({
      url: "jdbc:postgresql://localhost:5432/dev",
      user: "dev",
      password: "dev",
    });
  });

  it("uses the argument names it is given", () => {
    const source = compile({ connectionVar: "GLUE_CONNECTION", databaseVar: "DB_NAME", targetVar: "SHADOW_TABLE" });
    expect(source).toContain(
      'getResolvedOptions(sys.argv, ["JOB_NAME", "GLUE_CONNECTION", "DB_NAME", "SHADOW_TABLE"])',
    );
    const calls = runWithStubs(source, {
      JOB_NAME: "j",
      GLUE_CONNECTION: "c",
      DB_NAME: "analytics",
      SHADOW_TABLE: target,
    });
    expect(calls.find((c) => c.method === "options")?.kwargs.url).toBe(
      "jdbc:postgresql://warehouse.internal:5432/analytics",
    );
  });

  it("refuses argument names Glue would not pass through, and clashing ones", () => {
    expect(() => compile({ connectionVar: "connection name" })).toThrow(/UPPER_SNAKE_CASE/);
    expect(() => compile({ databaseVar: "TARGET_TABLE" })).toThrow(/must differ/);
  });
});
