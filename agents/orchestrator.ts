import { readLatestDates } from "@/lib/catalog/latest-dates";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { readSampleRows } from "@/lib/catalog/sample-rows";
import { readSampleValues } from "@/lib/catalog/sample-values";
import type { Catalog } from "@/lib/catalog/types";
import { getRunById, updateRun } from "@/lib/db/queries/runs";
import { listPublishedTables, recordKeptPrevious } from "@/lib/db/queries/tables";
import type { BuildEngine } from "@/lib/engines/choose-engine";
import type { RejectCode } from "@/lib/planner/types";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { DataTestResult } from "@/lib/validation/types";
import { previousTableName } from "@/lib/warehouse/names";
import { dropShadowTables, dropTable, publishShadow } from "@/lib/warehouse/tables";
import { buildAndTest, chooseBuildEngine, compileSpec, type Compiled } from "./build-round";
import { loadSemanticModel, warehouseKey } from "@/lib/semantic-model/load-model";
import { countKnowledgeUses, listKnowledgeFor } from "@/lib/db/queries/knowledge";
import { suggestNextSteps, type NextStep } from "@/lib/planner/next-steps";
import { countVerifiedExampleUse, listVerifiedExamplesFor } from "@/lib/db/queries/verified-examples";
import { takePipelineSpec } from "./pipeline-spec";
import { planSpec } from "./planner";
import { profileSources } from "./profiler";
import { configuredModel, suggestChecks } from "./model";
import { remedy as remediate } from "./remediator";
import { describeUsage } from "@/lib/planner/bedrock/pricing";
import { Rejection } from "./rejection";
import { pauseForReview, takeReviewedSpec } from "./review";
import { NeedsInput } from "./needs-input";
import { publicQuestion, type PublicQuestion } from "@/lib/planner/questions";
import { readRunAnswers } from "@/lib/runs/run-questions";
import { mayReplaceAtPublish, settleTarget } from "./target-guard";
import { emitter, timed, type AgentContext } from "./types";
import type { RunEndStatus } from "@/lib/runs/pipeline-options";

export type RunOutcome = {
  runId: string;
  /** `in_review`: stopped after planning, the plan waiting for a person (see `review`). */
  status: RunEndStatus;
  target?: { schema: string; table: string };
  rowCount?: number;
  spec?: EtlSpec;
  sql?: string;
  tests: DataTestResult[];
  error?: string;
  /** Why the planner refused, when it did. */
  rejectCode?: RejectCode;
  /** What the run waits to be told, when it paused with `needs_input`. */
  questions?: PublicQuestion[];
  /** Requests the planner reads, offered in place of a refused one. */
  nextSteps?: NextStep[];
};

/**
 * Runs the whole pipeline for one run: plan, profile, compile, build in a shadow table, test,
 * repair (bounded rounds), publish. Every step is an event; the target changes only in the
 * final one-transaction swap, so a failure or crash at any point leaves it as it was. When the
 * planner asks, the run pauses in `needs_input` with its questions; answering runs it again
 * from the start with the answers (see `answerRun`).
 */
export async function runPipeline(context: AgentContext, prompt: string): Promise<RunOutcome> {
  const log = emitter(context, "orchestrator");
  const outcome: RunOutcome = { runId: context.runId, status: "failed", tests: [] };
  await updateRun({ db: context.db, id: context.runId, status: "running", startedAt: new Date() });
  const { pipeline, reviewed, ...settings } = context.options;
  // Only the reading planner asks; an unreadable store asks again rather than failing the run.
  const answers =
    !pipeline && !reviewed && context.options.planner === "reading"
      ? await readRunAnswers(context.artifacts, context.runId).catch(() => ({}))
      : {};
  const answered = Object.keys(answers).length > 0;
  // A reviewed or answered run carries on after its pause; `resumed` tells live readers its earlier end was not the last.
  const started = reviewed
    ? "Run resumed: building the reviewed plan"
    : answered
      ? "Run resumed with the answers given"
      : "Run started";
  await log("info", started, {
    prompt,
    options: settings,
    ...(reviewed || answered ? { resumed: true } : {}),
    ...(pipeline
      ? {
          pipeline: {
            id: pipeline.pipelineId,
            name: pipeline.name,
            version: pipeline.version,
            parameters: pipeline.parameters,
          },
        }
      : {}),
  });
  try {
    const { value: catalog, ms } = await timed(() => readCatalog(context.reader, context.options.sourceSchemas));
    const planned = pipeline
      ? await takePipelineSpec(context, pipeline, catalog)
      : reviewed
        ? await takeReviewedSpec(context, reviewed)
        : await plan(context, prompt, catalog, ms, answers);
    if (context.options.review && !pipeline && !reviewed) return await pauseForReview(context, planned, outcome);
    outcome.target = { schema: context.options.targetSchema, table: planned.target.table };
    // A name the user gave is recorded now; a planner's name once it is settled (see settleTarget).
    if (context.options.targetTable !== undefined)
      await updateRun({
        db: context.db,
        id: context.runId,
        targetSchema: outcome.target.schema,
        targetTable: outcome.target.table,
      });
    const table = await settleTarget(context, planned.target.table);
    const spec = table === planned.target.table ? planned : { ...planned, target: { ...planned.target, table } };
    if (spec !== planned) await context.artifacts.put(context.runId, "spec.json", JSON.stringify(spec, null, 2));
    outcome.spec = spec;
    outcome.target = { schema: context.options.targetSchema, table };

    const profiles = await timed(() => profileSources({ sql: context.reader, spec, catalog }));
    await emitter(context, "profiler")(
      "success",
      `Profiled ${profiles.value.map((p) => `${p.table} (${p.rows.toLocaleString("en-US")} rows)`).join(", ")}`,
      { tables: profiles.value },
      profiles.ms,
    );

    const engine = await chooseBuildEngine(context, profiles.value);
    await publishTested(context, spec, catalog, outcome, engine);
  } catch (error) {
    if (error instanceof NeedsInput) return pause(context, outcome, error);
    outcome.status = error instanceof Rejection ? "rejected" : "failed";
    if (error instanceof Rejection && error.code) outcome.rejectCode = error.code;
    if (error instanceof Rejection && error.nextSteps.length > 0) outcome.nextSteps = error.nextSteps;
    outcome.error = error instanceof Error ? error.message : String(error);
    // Over the owner's connection: a Glue job that failed half-way left a shadow owned by Glue's user.
    await dropShadowTables(context.sql, context.options.targetSchema, context.runId).catch(() => []);
  }
  await context.artifacts
    .put(context.runId, "tests.json", JSON.stringify(outcome.tests, null, 2))
    .catch(() => undefined);
  await updateRun({
    db: context.db,
    id: context.runId,
    status: outcome.status,
    rowCount: outcome.rowCount ?? null,
    error: outcome.error ?? null,
    finishedAt: new Date(),
  });
  // The last event of every run, written after its status, so live readers know to stop.
  const final = { final: true, status: outcome.status, ...(outcome.nextSteps ? { nextSteps: outcome.nextSteps } : {}) };
  if (outcome.status === "succeeded")
    await log("success", `Run succeeded: ${outcome.target!.schema}.${outcome.target!.table} published`, final);
  else
    await log(
      outcome.status === "rejected" ? "warn" : "error",
      `${outcome.status === "rejected" ? "Rejected" : "Failed"}: ${outcome.error}`,
      final,
    );
  return outcome;
}

/** Waits for answers: the questions are kept with the run and shown; nothing was built. */
async function pause(context: AgentContext, outcome: RunOutcome, { questions, code }: NeedsInput): Promise<RunOutcome> {
  const shown = questions.map(publicQuestion);
  // Kept with each question's kind, which an answer saved as knowledge needs.
  await context.artifacts.put(
    context.runId,
    "questions.json",
    JSON.stringify(
      questions.map((q) => ({ ...publicQuestion(q), kind: q.kind })),
      null,
      2,
    ),
  );
  await updateRun({ db: context.db, id: context.runId, status: "needs_input", error: null });
  await emitter(context, "orchestrator")("warn", `Needs your answer: ${shown.map((q) => q.text).join(" ")}`, {
    needsInput: true,
    questions: shown,
  });
  return { ...outcome, status: "needs_input", questions: shown, rejectCode: code, target: undefined };
}

async function plan(
  context: AgentContext,
  prompt: string,
  catalog: Catalog,
  catalogMs: number,
  answers: Record<string, string>,
): Promise<EtlSpec> {
  const emit = emitter(context, "planner");
  const [sampleValues, derived] = await Promise.all([
    readSampleValues(context.reader, context.options.sourceSchemas),
    listPublishedTables({ db: context.db }),
  ]);
  await emit(
    "info",
    `Read the catalog: ${catalog.tables.length} tables in ${context.options.sourceSchemas.join(", ")}`,
    { tables: catalog.tables.map((t) => `${t.schema}.${t.name}`) },
    catalogMs,
  );
  const { planner: mode = "reading", targetSchema, targetTable } = context.options;
  const model = configuredModel(context);
  // The model sees a few rows of each table, as quoted data, read only if it is asked.
  const bedrock = model && {
    ...model,
    loadSampleRows: () => readSampleRows(context.reader, catalog),
    loadSemanticModel: () => warehouseSemanticModel(context),
  };
  // The reading planner (alone, or first in auto) reads through the semantic model, with what
  // people confirmed before and each time column's latest date, so that relative periods
  // ("last month") are read against the data, not the clock. The model alone is given the
  // semantic model as data, when it is asked.
  const reads = mode !== "bedrock";
  const [{ knowledge, verifiedExamples }, semanticModel, latestDates] = await Promise.all([
    confirmedForRun(context),
    reads ? warehouseSemanticModel(context) : undefined,
    reads ? readLatestDates(context.reader, catalog) : undefined,
  ]);
  const { value: result, ms } = await timed(() =>
    planSpec({
      prompt,
      catalog,
      sampleValues,
      derivedTables: derived,
      targetSchema,
      targetTable,
      mode,
      bedrock,
      semanticModel,
      latestDates,
      answers,
      knowledge,
      verifiedExamples,
    }),
  );
  if (result.usage)
    await emit("info", `The model planned with ${describeUsage(result.usage)}`, { usage: result.usage });
  if (!result.ok && result.questions?.length) {
    await emit(
      "info",
      `The request can be read in more than one way: ${result.message}`,
      { code: result.code, phrase: result.phrase, candidates: result.candidates },
      ms,
    );
    throw new NeedsInput(result.questions, result.code);
  }
  if (!result.ok) {
    // A request refused as unsafe or empty gets no other request in its place.
    const nextSteps =
      result.code === "unsafe" || result.code === "empty"
        ? []
        : suggestNextSteps({
            reading: {
              prompt,
              catalog,
              sampleValues,
              derivedTables: derived,
              semanticModel: semanticModel ?? (await warehouseSemanticModel(context)),
              latestDates,
              knowledge,
            },
            rejection: result,
            examples: verifiedExamples,
          });
    await emit(
      "error",
      result.message,
      { code: result.code, phrase: result.phrase, candidates: result.candidates, nextSteps },
      ms,
    );
    throw new Rejection(result.message, result.code, nextSteps);
  }
  await context.artifacts.put(context.runId, "spec.json", JSON.stringify(result.spec, null, 2));
  if (result.knowledgeUsed?.length) await countKnowledgeUses({ db: context.db, ids: result.knowledgeUsed });
  if (result.exampleUsed) await countVerifiedExampleUse({ db: context.db, id: result.exampleUsed });
  await emit(
    "success",
    `Planned ${result.spec.target.table}${PLANNED_BY[result.planner]}`,
    { spec: result.spec, confidence: result.confidence, notes: result.notes, planner: result.planner },
    ms,
  );
  return result.spec;
}

const PLANNED_BY = { reading: "", bedrock: " with the model", verified: " from a verified example" } as const;

/** The saved meanings and verified examples that apply to this run's user in this warehouse. */
async function confirmedForRun(context: AgentContext) {
  const run = await getRunById({ id: context.runId, db: context.db });
  if (!run) return { knowledge: [], verifiedExamples: [] };
  const scope = { db: context.db, warehouse: warehouseKey(context.options.sourceSchemas), userId: run.userId };
  const [knowledge, verifiedExamples] = await Promise.all([listKnowledgeFor(scope), listVerifiedExamplesFor(scope)]);
  return { knowledge, verifiedExamples };
}

/** The stored semantic model of the warehouse (generated now when the catalog changed). */
async function warehouseSemanticModel(context: AgentContext) {
  const loaded = await loadSemanticModel({
    db: context.db,
    reader: context.reader,
    sourceSchemas: context.options.sourceSchemas,
  });
  return loaded.model;
}

async function publishTested(
  context: AgentContext,
  firstSpec: EtlSpec,
  catalog: Catalog,
  outcome: RunOutcome,
  engine: BuildEngine,
): Promise<void> {
  let spec = firstSpec;
  let compiled: Compiled = await compileSpec(context, spec, catalog, 0);
  outcome.sql = compiled.sql;
  const checks = await suggestChecks(context, spec, catalog);
  for (let round = 0; ; round++) {
    const built = await buildAndTest(context, spec, catalog, compiled, round, { engine, checks });
    outcome.tests = built.results;
    if (built.passed) {
      await publish(context, spec, built, outcome);
      return;
    }
    await dropTable(context.builder, context.options.targetSchema, built.shadow);
    if (round >= context.options.maxRepairRounds)
      throw new Error(`Data tests still fail after ${round} repair round(s); the target was not changed.`);
    const remedy = await timed(() =>
      remediate({ sql: context.reader, spec, catalog, results: built.results, model: configuredModel(context) }),
    );
    const emit = emitter(context, "remediator");
    const { cause, changes, usage } = remedy.value;
    const asked = usage ? ` (the model was asked: ${describeUsage(usage)})` : "";
    await emit(
      remedy.value.amended ? "info" : "error",
      `${remedy.value.diagnosis}${asked}`,
      { round: round + 1, cause, changes, usage },
      remedy.ms,
    );
    if (!remedy.value.amended) throw new Error(`${remedy.value.diagnosis} The target was not changed.`);
    spec = remedy.value.amended;
    await context.artifacts.put(context.runId, "spec.json", JSON.stringify(spec, null, 2));
    compiled = await compileSpec(context, spec, catalog, round + 1);
    outcome.sql = compiled.sql;
    outcome.spec = spec;
  }
}

async function publish(
  context: AgentContext,
  spec: EtlSpec,
  built: { shadow: string; rowCount: number },
  outcome: RunOutcome,
): Promise<void> {
  const schema = context.options.targetSchema;
  const target = spec.target.table;
  const mayReplace = await mayReplaceAtPublish(context, target);
  const swap = await timed(() => publishShadow(context.builder, { schema, shadow: built.shadow, target, mayReplace }));
  if (!swap.value.published) {
    const how =
      context.options.targetTable === undefined
        ? "Re-run it: it will pick a free name."
        : "Re-run it, asking to replace the table if it is yours.";
    throw new Rejection(
      `${schema}.${target} was created by someone else while this run was building; nothing was changed. ${how}`,
    );
  }
  await recordKeptPrevious({ db: context.db, id: context.runId, keptPrevious: swap.value.keptPrevious });
  outcome.status = "succeeded";
  outcome.rowCount = built.rowCount;
  outcome.spec = spec;
  const kept = swap.value.keptPrevious
    ? `the replaced version is kept as ${previousTableName(target)} for rollback`
    : "it is a new table";
  await emitter(context, "publisher")(
    "success",
    `Published ${schema}.${target} (${built.rowCount.toLocaleString("en-US")} rows); ${kept}`,
    { rowCount: built.rowCount, keptPrevious: swap.value.keptPrevious },
    swap.ms,
  );
}
