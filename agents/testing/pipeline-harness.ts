import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RunOutcome } from "@/agents/orchestrator";
import { runPipeline } from "@/agents/orchestrator";
import type { AgentContext, PipelineOptions } from "@/agents/types";
import { createLocalArtifactStore } from "@/lib/artifacts/store";
import { createDatabase, createSqlClient, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { createRun } from "@/lib/db/queries/runs";
import { setUpAndOpenRoles } from "@/lib/db/set-up-roles";
import { loadDemoWarehouse } from "@/lib/demo/load";
import { createPostgresEventStore } from "@/lib/events/postgres-store";
import type { Actor } from "@/lib/tables/actor";
import { createTestDatabase, type TestServer } from "@/lib/testing/test-database";

/** A fresh database with migrations and the demo warehouse, and a way to run prompts on it. */
export type PipelineHarness = {
  url: string;
  sql: SqlClient;
  artifactsDir: string;
  /** Runs `prompt` as the harness's administrator, or as `extras.user`; `extras.runId` carries on a run that stopped for review. */
  run(
    prompt: string,
    options?: Partial<PipelineOptions>,
    extras?: Partial<Pick<AgentContext, "bedrock" | "glue" | "artifacts">> & { user?: Actor; runId?: string },
  ): Promise<RunOutcome>;
  /** Runs an existing run again (one that waited on answers), as the web app and the CLI do. */
  resume(runId: string, prompt: string, options?: Partial<PipelineOptions>): Promise<RunOutcome>;
  /** The administrator runs belong to unless another user is given. */
  admin: Actor;
  createUser(email: string, role: Actor["role"]): Promise<Actor>;
  tables(): Promise<string[]>;
  close(): Promise<void>;
};

export async function createPipelineHarness(server: TestServer, { demo = true } = {}): Promise<PipelineHarness> {
  const database = await createTestDatabase(server);
  const sql = createSqlClient(database.url, "test", 4);
  await runMigrations(sql);
  if (demo) await loadDemoWarehouse(sql);
  const roles = await setUpAndOpenRoles(sql, database.url, { sourceSchemas: ["public"], targetSchema: "public" });
  const [user] =
    await sql`insert into datamorph.users (email, name, password_hash, role) values ('tester@example.com', 'Tester', '!', 'admin') returning id`;
  const artifactsDir = mkdtempSync(path.join(tmpdir(), "datamorph-artifacts-"));
  const runExisting = (
    runId: string,
    prompt: string,
    options: Partial<PipelineOptions> = {},
    extras: Partial<Pick<AgentContext, "bedrock" | "glue" | "artifacts">> = {},
  ) => {
    const context = {
      runId,
      sql,
      db: createDatabase(sql),
      reader: roles.reader,
      builder: roles.builder,
      events: createPostgresEventStore(sql),
      artifacts: createLocalArtifactStore(sql, artifactsDir),
      options: {
        sourceSchemas: ["public"],
        targetSchema: "public",
        maxRepairRounds: 3,
        statementTimeoutMs: 60_000,
        ...options,
      },
      ...extras,
    };
    return runPipeline(context, prompt);
  };
  return {
    url: database.url,
    sql,
    artifactsDir,
    admin: { id: user.id, email: "tester@example.com", role: "admin" },
    async createUser(email, role) {
      const [row] =
        await sql`insert into datamorph.users (email, name, password_hash, role) values (${email}, ${email}, '!', ${role}) returning id`;
      return { id: row.id as string, email, role };
    },
    async run(prompt, options = {}, { user: runAs, runId, ...extras } = {}) {
      const run = runId
        ? { id: runId }
        : await createRun({ userId: runAs?.id ?? user.id, prompt, db: createDatabase(sql) });
      return runExisting(run.id, prompt, options, extras);
    },
    resume: (runId, prompt, options) => runExisting(runId, prompt, options),
    async tables() {
      const rows = await sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`;
      return rows.map((r) => r.table_name as string);
    },
    async close() {
      await Promise.all([sql.end(), roles.reader.end(), roles.builder.end()]);
      await database.drop();
    },
  };
}
