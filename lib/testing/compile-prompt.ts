import type { Catalog } from "@/lib/catalog/types";
import { compilePySpark } from "@/lib/codegen/pyspark";
import { compileSql } from "@/lib/codegen/sql";
import { planWithEnglish } from "@/lib/planner/reading";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { runGlueScriptWithStubs } from "@/lib/testing/pyspark-stubs";

/**
 * A request planned by the reading planner and compiled by both compilers, with the calls the
 * Glue script makes when run against the PySpark stubs.
 */
export function compilePrompt(prompt: string, catalog: Catalog = demoCatalog, sampleValues = demoSampleValues) {
  const r = planWithEnglish({ prompt, catalog, sampleValues, now: new Date("2025-06-15") });
  if (!r.ok) throw new Error(r.message);
  const py = compilePySpark({ spec: r.spec, catalog });
  const calls = runGlueScriptWithStubs(py, {
    JOB_NAME: "j",
    CONNECTION_NAME: "c",
    DATABASE: "d",
    TARGET_TABLE: '"public"."t"',
  });
  return { spec: r.spec, sql: compileSql({ spec: r.spec, catalog }), py, calls };
}
