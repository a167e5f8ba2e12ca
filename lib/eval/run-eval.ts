import { randomBytes } from "node:crypto";
import { runPipeline } from "@/agents/orchestrator";
import type { PipelineOptions } from "@/agents/types";
import { createLocalArtifactStore } from "@/lib/artifacts/store";
import { createDatabase, createSqlClient, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import type { RoleClients } from "@/lib/db/role-clients";
import { setUpAndOpenRoles } from "@/lib/db/set-up-roles";
import { getOrCreateCliUser } from "@/lib/db/queries/users";
import { createPostgresEventStore } from "@/lib/events/postgres-store";
import { runReadOnlyQuery } from "@/lib/query/read-only";
import { dropTable, qualified } from "@/lib/warehouse/tables";
import type { EvalCase } from "./cases";
import { compareResults } from "./compare";

/** correct: the right table; rejected / failed: DataMorph refused; silently_wrong: success with a wrong table. */
export type Outcome = "correct" | "rejected" | "failed" | "silently_wrong" | "error";

export type CaseResult = { id: string; prompt: string; expected: "table" | "reject"; outcome: Outcome; ok: boolean; reason?: string; runId?: string; ms: number };

export type EvalEnvironment = {
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

const scratchName = (id: string) => `eval_${id.toLowerCase().replace(/[^a-z0-9]+/g, "_").slice(0, 40)}_${randomBytes(3).toString("hex")}`;

type Connections = { sql: SqlClient } & RoleClients;

async function runCase({ sql, reader, builder }: Connections, c: EvalCase, env: EvalEnvironment): Promise<Omit<CaseResult, "ms">> {
  const expected = "sql" in c.expect ? "table" : "reject";
  const base = { id: c.id, prompt: c.prompt, expected } as const;
  const db = createDatabase(sql);
  const user = await getOrCreateCliUser({ db });
  const [run] = await sql`insert into datamorph.runs (user_id, prompt) values (${user.id}, ${c.prompt}) returning id`;
  const target = scratchName(c.id);
  const options = { ...env.options, targetTable: target };
  const outcome = await runPipeline(
    { runId: run.id, sql, db, reader, builder, events: createPostgresEventStore(sql), artifacts: createLocalArtifactStore(sql, env.dataDir), options },
    c.prompt,
  );
  try {
    if (outcome.status !== "succeeded") {
      const refused = outcome.status === "rejected" ? "rejected" : "failed";
      return { ...base, runId: run.id, outcome: refused, ok: expected === "reject", reason: outcome.error };
    }
    if (!("sql" in c.expect)) return { ...base, runId: run.id, outcome: "silently_wrong", ok: false, reason: "built a table for a request that should have been refused" };
    let gold;
    try {
      gold = await runReadOnlyQuery(reader, c.expect.sql, { rowLimit: 1_000_000, timeoutMs: 60_000, byteLimit: 1024 ** 3 });
    } catch (error) {
      return { ...base, runId: run.id, outcome: "error", ok: false, reason: `the gold query failed: ${error instanceof Error ? error.message : error}` };
    }
    const built = await sql.unsafe(`select * from ${qualified(options.targetSchema, target)}`);
    const comparison = compareResults(gold.rows, built.map((row) => ({ ...row })));
    return comparison.same ? { ...base, runId: run.id, outcome: "correct", ok: true } : { ...base, runId: run.id, outcome: "silently_wrong", ok: false, reason: comparison.reason };
  } finally {
    await dropTable(sql, options.targetSchema, target);
  }
}

/**
 * Runs each case through the real pipeline into a scratch table (dropped afterwards), computes
 * the gold result with the gold SQL on the same database, and classifies the outcome.
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
        const expected = "sql" in c.expect ? "table" : "reject";
        result = { id: c.id, prompt: c.prompt, expected, outcome: "error", ok: false, reason: error instanceof Error ? error.message : String(error), ms: Math.round(performance.now() - started) };
      }
      results.push(result);
      env.onCase?.(result);
    }
  } finally {
    await Promise.all([...clients.values()].flatMap(({ sql, reader, builder }) => [sql.end(), reader.end(), builder.end()]));
  }
  return results;
}

/** Counts per outcome; `passed` counts correct tables and refusals of requests meant to be refused. */
export function summarise(results: CaseResult[]) {
  const count = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;
  return {
    cases: results.length,
    passed: results.filter((r) => r.ok).length,
    correct: count("correct"),
    rejected: count("rejected"),
    failed: count("failed"),
    silentlyWrong: count("silently_wrong"),
    errors: count("error"),
  };
}
