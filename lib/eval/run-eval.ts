import { randomBytes } from "node:crypto";
import { createLocalArtifactStore, type ArtifactStore } from "@/lib/artifacts/store";
import { createDatabase, createSqlClient, type Database, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import type { RoleClients } from "@/lib/db/role-clients";
import { setUpAndOpenRoles } from "@/lib/db/set-up-roles";
import { createRun, EVALUATION_TRIGGER } from "@/lib/db/queries/runs";
import { getOrCreateCliUser } from "@/lib/db/queries/users";
import { createPostgresEventStore } from "@/lib/events/postgres-store";
import type { EventStore } from "@/lib/events/types";
import { runReadOnlyQuery } from "@/lib/query/read-only";
import { dropTable, qualified } from "@/lib/warehouse/tables";
import type { RejectCode } from "@/lib/planner/types";
import type { PipelineOptions, RunEndStatus } from "@/lib/runs/pipeline-options";
import type { EvalCase } from "./cases";
import { recordAnswers } from "@/lib/runs/answer-run";
import { phraseContains, type Answers, type PublicQuestion } from "@/lib/planner/questions";
import { compareResults } from "./compare";
import { isAsExpected, refusalOutcome, type Expectation, type Outcome } from "./outcome";
import { expectedReason, type RefusalReason } from "./refusal";

export type CaseResult = {
  id: string;
  /** The eval file the case came from, without folder and extension. */
  file?: string;
  prompt: string;
  expected: "table" | "reject";
  /** The reason a must-refuse case asks for, when it gives one. */
  expectedReason?: RefusalReason;
  outcome: Outcome;
  /** What the pipeline did: published, refused, failed to build, or waited on a question. */
  status?: RunEndStatus;
  /** The case's answers settled questions the planner asked on the way. */
  answered?: boolean;
  /** The planner's code when it refused. */
  rejectCode?: RejectCode;
  ok: boolean;
  reason?: string;
  runId?: string;
  ms: number;
};

/**
 * Carries a created run through the pipeline (the agents' `runPipeline`). The caller passes it in:
 * judging results is the core's job, running the agents is theirs.
 */
export type PipelineRunner = (
  run: {
    runId: string;
    sql: SqlClient;
    db: Database;
    reader: SqlClient;
    builder: SqlClient;
    events: EventStore;
    artifacts: ArtifactStore;
    options: PipelineOptions;
  },
  prompt: string,
) => Promise<{ status: RunEndStatus; rejectCode?: RejectCode; error?: string; questions?: PublicQuestion[] }>;

export type EvalEnvironment = {
  runPipeline: PipelineRunner;
  /** The database a case without `database` runs on. */
  defaultUrl: string;
  dataDir: string;
  options: Omit<PipelineOptions, "targetTable">;
  onCase?: (result: CaseResult) => void;
};

function databaseUrl(name: string | undefined, defaultUrl: string): string {
  if (!name) return defaultUrl;
  if (/^postgres(ql)?:\/\//.test(name)) return name;
  const url = new URL(defaultUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const scratchName = (id: string) =>
  `eval_${id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 40)}_${randomBytes(3).toString("hex")}`;

type Connections = { sql: SqlClient } & RoleClients;

function expectationOf(c: EvalCase): Expectation {
  return "sql" in c.expect ? { kind: "table" } : { kind: "refusal", reason: expectedReason(c.expect.reject, c.tags) };
}

/** The fields every result of `c` shares, whatever happens to the run. */
function describeCase(c: EvalCase) {
  const expectation = expectationOf(c);
  return {
    id: c.id,
    ...(c.file !== undefined ? { file: c.file } : {}),
    prompt: c.prompt,
    expected: expectation.kind === "table" ? "table" : "reject",
    ...(expectation.kind === "refusal" && expectation.reason ? { expectedReason: expectation.reason } : {}),
  } as const;
}

const settle = (result: Omit<CaseResult, "ok" | "ms">): Omit<CaseResult, "ms"> => ({
  ...result,
  ok: isAsExpected(result.outcome),
});

async function runCase(
  { sql, reader, builder }: Connections,
  c: EvalCase,
  env: EvalEnvironment,
): Promise<Omit<CaseResult, "ms">> {
  const base = describeCase(c);
  const db = createDatabase(sql);
  const user = await getOrCreateCliUser({ db });
  const run = await createRun({ userId: user.id, prompt: c.prompt, trigger: EVALUATION_TRIGGER, db });
  const target = scratchName(c.id);
  const options = { ...env.options, targetTable: target };
  const context = {
    runId: run.id,
    sql,
    db,
    reader,
    builder,
    events: createPostgresEventStore(sql),
    artifacts: createLocalArtifactStore(sql, env.dataDir),
    options,
  };
  let outcome = await env.runPipeline(context, c.prompt);
  let answered = false;
  // Each answer may lead to one more question (a spelling, then a reading): a few rounds at most.
  for (let round = 0; round < 3 && outcome.status === "needs_input"; round++) {
    const picked = pickAnswers(outcome.questions ?? [], c.answers ?? {});
    if (!picked) break;
    await recordAnswers({
      run: { id: run.id, status: "needs_input" },
      answers: picked,
      artifacts: context.artifacts,
      events: context.events,
      db,
    });
    answered = true;
    outcome = await env.runPipeline(context, c.prompt);
  }
  const ran = {
    ...base,
    runId: run.id,
    status: outcome.status,
    ...(answered ? { answered } : {}),
    ...(outcome.rejectCode ? { rejectCode: outcome.rejectCode } : {}),
  };
  try {
    if (outcome.status === "needs_input" && expectationOf(c).kind === "table") {
      return settle({
        ...ran,
        outcome: "asked",
        reason: `asked: ${(outcome.questions ?? []).map((q) => `${q.text} (${q.choices.map((ch) => ch.label).join(" | ")})`).join(" ")}`,
      });
    }
    if (outcome.status !== "succeeded") {
      const refused = refusalOutcome(expectationOf(c), outcome.rejectCode);
      const how =
        outcome.rejectCode ?? (outcome.status === "failed" ? "a failed build" : "a refusal without a planner code");
      const reason =
        refused === "refused_wrong_reason"
          ? `refused as ${how}, not as ${base.expectedReason}: ${outcome.error}`
          : outcome.error;
      return settle({ ...ran, outcome: refused, reason });
    }
    if (!("sql" in c.expect))
      return settle({
        ...ran,
        outcome: "silently_wrong",
        reason: "built a table for a request that should have been refused",
      });
    let gold: Awaited<ReturnType<typeof runReadOnlyQuery>>;
    try {
      gold = await runReadOnlyQuery(reader, c.expect.sql, {
        rowLimit: 1_000_000,
        timeoutMs: 60_000,
        byteLimit: 1024 ** 3,
      });
    } catch (error) {
      return settle({
        ...ran,
        outcome: "error",
        reason: `the gold query failed: ${error instanceof Error ? error.message : error}`,
      });
    }
    const built = await sql.unsafe(`select * from ${qualified(options.targetSchema, target)}`);
    const comparison = compareResults(
      gold.rows,
      built.map((row) => ({ ...row })),
    );
    return settle(
      comparison.same
        ? { ...ran, outcome: answered ? "correct_after_answers" : "correct" }
        : { ...ran, outcome: "silently_wrong", reason: comparison.reason },
    );
  } finally {
    await dropTable(sql, options.targetSchema, target);
  }
}

/**
 * The case's answers to every open question, or null when one is not answered: an answer is
 * keyed by the question's id or by words of its phrase ("revenue" for "total revenue"), and
 * names a choice by its label.
 */
function pickAnswers(questions: PublicQuestion[], given: Record<string, string>): Answers | null {
  const picked: Answers = {};
  for (const q of questions) {
    const keyed = Object.entries(given).filter(
      ([key]) =>
        key.toLowerCase() === q.id.toLowerCase() || phraseContains(q.phrase, key) || phraseContains(key, q.phrase),
    );
    const choice = keyed
      .map(([, label]) => q.choices.find((ch) => ch.label.toLowerCase() === label.toLowerCase()))
      .find(Boolean);
    if (!choice) return null;
    picked[q.id] = choice.id;
  }
  return questions.length > 0 ? picked : null;
}

/**
 * Runs each case through the real pipeline into a scratch table (dropped afterwards), computes
 * the gold result with the gold SQL on the same database, and classifies the outcome. A case's
 * `answers` settle the questions the planner asks, as a person would, before it is graded.
 */
export async function runEvaluation(cases: EvalCase[], env: EvalEnvironment): Promise<CaseResult[]> {
  const clients = new Map<string, Connections>();
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const url = databaseUrl(c.database, env.defaultUrl);
      let connections = clients.get(url);
      if (!connections) {
        const sql = createSqlClient(url, "datamorph-eval", 4);
        await runMigrations(sql);
        connections = { sql, ...(await setUpAndOpenRoles(sql, url, env.options)) };
        clients.set(url, connections);
      }
      const started = performance.now();
      let result: CaseResult;
      try {
        result = { ...(await runCase(connections, c, env)), ms: Math.round(performance.now() - started) };
      } catch (error) {
        result = {
          ...describeCase(c),
          outcome: "error",
          ok: false,
          reason: error instanceof Error ? error.message : String(error),
          ms: Math.round(performance.now() - started),
        };
      }
      results.push(result);
      env.onCase?.(result);
    }
  } finally {
    await Promise.all(
      [...clients.values()].flatMap(({ sql, reader, builder }) => [sql.end(), reader.end(), builder.end()]),
    );
  }
  return results;
}
