import type { Catalog } from "@/lib/catalog/types";
import { compilePySpark } from "@/lib/codegen/pyspark";
import { compileSql } from "@/lib/codegen/sql";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { generateTests } from "@/lib/validation/generate-tests";
import { runTests } from "@/lib/validation/run-tests";
import type { DataTestResult } from "@/lib/validation/types";
import { shadowTableName } from "@/lib/warehouse/names";
import { buildShadow, qualified } from "@/lib/warehouse/tables";
import { emitter, timed, type AgentContext } from "./types";

export type Compiled = { sql: string; pyspark: string };
export type Round = { shadow: string; rowCount: number; results: DataTestResult[]; passed: boolean };

/** Codegen agent: spec → SQL and PySpark, both recorded as events and artifacts. */
export async function compileSpec(context: AgentContext, spec: EtlSpec, catalog: Catalog, round: number): Promise<Compiled> {
  const emit = emitter(context, "codegen");
  const { value, ms } = await timed(async () => ({ sql: compileSql({ spec, catalog }), pyspark: compilePySpark({ spec, catalog }) }));
  await context.artifacts.put(context.runId, "query.sql", value.sql);
  await context.artifacts.put(context.runId, "job.py", value.pyspark);
  await emit("success", round === 0 ? "Compiled the spec to SQL and PySpark" : `Recompiled the amended spec (round ${round})`, { ...value, round }, ms);
  return value;
}

/** Executor and validator agents: build one shadow table and test it against the spec. */
export async function buildAndTest(context: AgentContext, spec: EtlSpec, catalog: Catalog, compiled: Compiled, round: number): Promise<Round> {
  const schema = context.options.targetSchema;
  const shadow = shadowTableName(spec.target.table, context.runId, round);
  const executor = emitter(context, "executor");
  await executor("info", `Building shadow table ${schema}.${shadow}`, { shadow, round });
  const build = await timed(() => buildShadow(context.sql, { schema, shadow, select: compiled.sql, timeoutMs: context.options.statementTimeoutMs }));
  await executor("success", `Built ${schema}.${shadow}: ${build.value.rowCount.toLocaleString("en-US")} rows`, { shadow, rowCount: build.value.rowCount, round }, build.ms);

  const validator = emitter(context, "validator");
  const tests = generateTests({ spec, catalog, target: qualified(schema, shadow) });
  const { value: results, ms } = await timed(() => runTests(context.sql, tests, { timeoutMs: context.options.statementTimeoutMs }));
  const blockingFailures = results.filter((r) => r.blocking && !r.passed);
  const passedCount = results.filter((r) => r.passed).length;
  await validator(
    blockingFailures.length === 0 ? "success" : "error",
    `${passedCount} of ${results.length} data tests passed${blockingFailures.length ? `; failing: ${blockingFailures.map((r) => r.name).join(", ")}` : ""}`,
    { round, results },
    ms,
  );
  for (const warning of results.filter((r) => !r.blocking && !r.passed)) await validator("warn", `${warning.name}: ${warning.description}`, { round, test: warning.name });
  return { shadow, rowCount: build.value.rowCount, results, passed: blockingFailures.length === 0 };
}
