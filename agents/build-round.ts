import type { Catalog } from "@/lib/catalog/types";
import { compilePySpark } from "@/lib/codegen/pyspark";
import { compileSql } from "@/lib/codegen/sql";
import { chooseEngine, type BuildEngine } from "@/lib/engines/choose-engine";
import { isFailedGlueState, type GlueRunUpdate } from "@/lib/engines/glue-run";
import { buildShadowWithGlue } from "@/lib/engines/glue-shadow";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { generateTests } from "@/lib/validation/generate-tests";
import { compileModelChecks, type ModelCheck } from "@/lib/validation/model-tests";
import { runTests } from "@/lib/validation/run-tests";
import type { DataTestResult } from "@/lib/validation/types";
import { shadowTableName } from "@/lib/warehouse/names";
import { buildShadow, qualified } from "@/lib/warehouse/tables";
import type { TableProfile } from "./profiler";
import { emitter, timed, type AgentContext } from "./types";

/** The compiled spec; `scriptUri` is where its job.py artifact is, for Glue to read. */
export type Compiled = { sql: string; pyspark: string; scriptUri: string };
export type Round = { shadow: string; rowCount: number; results: DataTestResult[]; passed: boolean };

/** Codegen agent: spec → SQL and PySpark, both recorded as events and artifacts. */
export async function compileSpec(
  context: AgentContext,
  spec: EtlSpec,
  catalog: Catalog,
  round: number,
): Promise<Compiled> {
  const emit = emitter(context, "codegen");
  const { value, ms } = await timed(async () => ({
    sql: compileSql({ spec, catalog }),
    pyspark: compilePySpark({ spec, catalog }),
  }));
  await context.artifacts.put(context.runId, "query.sql", value.sql);
  const script = await context.artifacts.put(context.runId, "job.py", value.pyspark);
  await emit(
    "success",
    round === 0 ? "Compiled the spec to SQL and PySpark" : `Recompiled the amended spec (round ${round})`,
    { ...value, round },
    ms,
  );
  return { ...value, scriptUri: script.uri };
}

/**
 * Picks what builds this run's shadow tables, once, from the profiled source sizes. A run that
 * leaves the engine unset builds in Postgres without a word, as it always has.
 */
export async function chooseBuildEngine(context: AgentContext, profiles: TableProfile[]): Promise<BuildEngine> {
  const { engine: requested, glueMinSourceRows } = context.options;
  const sourceRows = profiles.reduce((sum, p) => sum + p.rows, 0);
  const choice = chooseEngine({ requested, sourceRows, glueMinSourceRows, glueAvailable: context.glue !== undefined });
  if (requested !== undefined && requested !== "sql") {
    const name = choice.engine === "glue" ? "AWS Glue" : "SQL in Postgres";
    await emitter(context, "orchestrator")("info", `Building with ${name}: ${choice.reason}`, {
      engine: choice.engine,
      requested,
      sourceRows,
      reason: choice.reason,
    });
  }
  return choice.engine;
}

/** Executor and validator agents: build one shadow table and test it against the spec. */
export async function buildAndTest(
  context: AgentContext,
  spec: EtlSpec,
  catalog: Catalog,
  compiled: Compiled,
  round: number,
  {
    engine = "sql",
    checks = [],
  }: { engine?: BuildEngine /** The model's suggested checks (warnings). */; checks?: ModelCheck[] } = {},
): Promise<Round> {
  const schema = context.options.targetSchema;
  const shadow = shadowTableName(spec.target.table, context.runId, round);
  const executor = emitter(context, "executor");
  await executor("info", `Building shadow table ${schema}.${shadow}${engine === "glue" ? " with AWS Glue" : ""}`, {
    shadow,
    round,
    ...(engine === "glue" ? { engine } : {}),
  });
  const timeoutMs = context.options.statementTimeoutMs;
  const build = await timed(() =>
    engine === "glue"
      ? buildShadowWithGlue(context.sql, context.glue!, {
          builder: context.builder.options.user,
          runId: context.runId,
          round,
          scriptUri: compiled.scriptUri,
          schema,
          target: spec.target.table,
          shadow,
          timeoutMs,
          onState: reportGlueState(executor, round),
        })
      : buildShadow(context.builder, { schema, shadow, select: compiled.sql, timeoutMs }),
  );
  await executor(
    "success",
    `Built ${schema}.${shadow}: ${build.value.rowCount.toLocaleString("en-US")} rows`,
    { shadow, rowCount: build.value.rowCount, round },
    build.ms,
  );

  const validator = emitter(context, "validator");
  const target = qualified(schema, shadow);
  // A repair may have renamed or dropped a column a suggestion was about.
  const suggested = checks.filter((c) => spec.columns.some((o) => o.name === c.column));
  const tests = [...generateTests({ spec, catalog, target }), ...compileModelChecks(suggested, spec, target)];
  const { value: results, ms } = await timed(() =>
    runTests(context.builder, tests, { timeoutMs: context.options.statementTimeoutMs }),
  );
  const blockingFailures = results.filter((r) => r.blocking && !r.passed);
  const passedCount = results.filter((r) => r.passed).length;
  await validator(
    blockingFailures.length === 0 ? "success" : "error",
    `${passedCount} of ${results.length} data tests passed${blockingFailures.length ? `; failing: ${blockingFailures.map((r) => r.name).join(", ")}` : ""}`,
    { round, results },
    ms,
  );
  for (const warning of results.filter((r) => !r.blocking && !r.passed))
    await validator("warn", `${warning.name}: ${warning.description}`, { round, test: warning.name });
  return { shadow, rowCount: build.value.rowCount, results, passed: blockingFailures.length === 0 };
}

/** Every state a Glue job run reaches, as an executor event with Glue's error message. */
function reportGlueState(executor: ReturnType<typeof emitter>, round: number) {
  return async ({ jobName, jobRunId, state, errorMessage }: GlueRunUpdate) => {
    const failed = isFailedGlueState(state);
    await executor(
      failed ? "error" : "info",
      `Glue job run ${jobRunId} ${state}${failed && errorMessage ? `: ${errorMessage}` : ""}`,
      { jobName, jobRunId, state, errorMessage, round },
    );
  };
}
