import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database, DatabaseOrTransaction } from "@/lib/db/client";
import {
  pipelines,
  pipelineVersions,
  runs,
  users,
  type Pipeline,
  type PipelineVersion,
  type Run,
} from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export type NewPipelineVersion = Pick<
  PipelineVersion,
  "spec" | "parameters" | "targetTable" | "engine" | "sourceShape" | "fromRunId" | "createdBy" | "note"
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  return (
    (cause as { code?: string })?.code === "23505" &&
    (cause as { constraint_name?: string })?.constraint_name === constraint
  );
}

/** Creates a pipeline with its first version, in one transaction; a taken name is a conflict. */
export async function createPipeline({
  name,
  userId,
  version,
  db = getDb(),
}: {
  name: string;
  userId: string;
  version: NewPipelineVersion;
  db?: Database;
}): Promise<{ pipeline: Pipeline; version: PipelineVersion }> {
  try {
    return await db.transaction(async (tx) => {
      const [pipeline] = await tx.insert(pipelines).values({ name, userId, currentVersion: 1 }).returning();
      const [first] = await tx
        .insert(pipelineVersions)
        .values({ ...version, pipelineId: pipeline.id, version: 1 })
        .returning();
      return { pipeline, version: first };
    });
  } catch (error) {
    if (isUniqueViolation(error, "pipelines_name_key"))
      throw new AppError("conflict", `A pipeline named "${name}" already exists; choose another name.`);
    throw error;
  }
}

/** Adds the next version of a pipeline and makes it the current one; earlier versions stay. */
export async function addPipelineVersion({
  pipelineId,
  version,
  db = getDb(),
}: {
  pipelineId: string;
  version: NewPipelineVersion;
  db?: Database;
}): Promise<PipelineVersion> {
  return db.transaction(async (tx) => {
    // The row lock orders concurrent edits, so each gets its own version number.
    const [pipeline] = await tx.select().from(pipelines).where(eq(pipelines.id, pipelineId)).for("update");
    if (!pipeline) throw new AppError("not_found", "No such pipeline.");
    const next = pipeline.currentVersion + 1;
    const [added] = await tx
      .insert(pipelineVersions)
      .values({ ...version, pipelineId, version: next })
      .returning();
    await tx.update(pipelines).set({ currentVersion: next, updatedAt: new Date() }).where(eq(pipelines.id, pipelineId));
    return added;
  });
}

/**
 * Deletes a pipeline, its versions and firings, unless a run of it is in progress; its runs stay,
 * no longer linked to it. Returns the deleted pipeline, or null when it was gone or busy.
 */
export async function deletePipelineById({
  id,
  db = getDb(),
}: {
  id: string;
  db?: DatabaseOrTransaction;
}): Promise<Pipeline | null> {
  const [deleted] = await db
    .delete(pipelines)
    .where(
      and(
        eq(pipelines.id, id),
        sql`not exists (select 1 from ${runs} where ${runs.pipelineId} = ${id} and ${runs.status} in ('queued', 'running'))`,
      ),
    )
    .returning();
  return deleted ?? null;
}

/** A pipeline by id or by name (names are unique whatever their case). */
export async function getPipeline({ ref, db = getDb() }: { ref: string; db?: Database }): Promise<Pipeline | null> {
  const [byName] = await db.select().from(pipelines).where(sql`lower(${pipelines.name}) = lower(${ref})`);
  if (byName) return byName;
  if (!UUID.test(ref)) return null;
  const [byId] = await db.select().from(pipelines).where(eq(pipelines.id, ref));
  return byId ?? null;
}

export async function getPipelineVersion({
  pipelineId,
  version,
  db = getDb(),
}: {
  pipelineId: string;
  version: number;
  db?: Database;
}): Promise<PipelineVersion | null> {
  const [row] = await db
    .select()
    .from(pipelineVersions)
    .where(and(eq(pipelineVersions.pipelineId, pipelineId), eq(pipelineVersions.version, version)));
  return row ?? null;
}

export async function getPipelineVersionById({
  id,
  db = getDb(),
}: {
  id: string;
  db?: Database;
}): Promise<PipelineVersion | null> {
  const [row] = await db.select().from(pipelineVersions).where(eq(pipelineVersions.id, id));
  return row ?? null;
}

/** Every version of a pipeline, newest first, with who made it. */
export async function listPipelineVersions({
  pipelineId,
  db = getDb(),
}: {
  pipelineId: string;
  db?: Database;
}): Promise<(PipelineVersion & { createdByEmail: string | null })[]> {
  const rows = await db
    .select({ version: pipelineVersions, createdByEmail: users.email })
    .from(pipelineVersions)
    .leftJoin(users, eq(users.id, pipelineVersions.createdBy))
    .where(eq(pipelineVersions.pipelineId, pipelineId))
    .orderBy(desc(pipelineVersions.version));
  return rows.map((r) => ({ ...r.version, createdByEmail: r.createdByEmail }));
}

export type PipelineListItem = Pipeline & {
  ownerEmail: string;
  lastRun: Pick<Run, "id" | "status" | "createdAt" | "finishedAt"> | null;
  lastSuccessAt: Date | null;
};

/** Pipelines a user sees (their own; every one for an administrator), by name, with their latest run. */
export async function listPipelines({
  userId,
  isAdmin,
  db = getDb(),
}: {
  userId: string;
  isAdmin: boolean;
  db?: Database;
}): Promise<PipelineListItem[]> {
  const rows = await db
    .select({
      pipeline: pipelines,
      ownerEmail: users.email,
      lastRun: sql<{ id: string; status: Run["status"]; createdAt: string; finishedAt: string | null } | null>`(
        select json_build_object('id', r.id, 'status', r.status, 'createdAt', r.created_at, 'finishedAt', r.finished_at)
        from ${runs} r where r.pipeline_id = ${pipelines.id} order by r.created_at desc limit 1)`,
      lastSuccessAt: sql<
        string | null
      >`(select max(r.finished_at) from ${runs} r where r.pipeline_id = ${pipelines.id} and r.status = 'succeeded')`,
    })
    .from(pipelines)
    .innerJoin(users, eq(users.id, pipelines.userId))
    .where(isAdmin ? undefined : eq(pipelines.userId, userId))
    .orderBy(pipelines.name);
  return rows.map((r) => ({
    ...r.pipeline,
    ownerEmail: r.ownerEmail,
    lastRun: r.lastRun
      ? {
          ...r.lastRun,
          createdAt: new Date(r.lastRun.createdAt),
          finishedAt: r.lastRun.finishedAt ? new Date(r.lastRun.finishedAt) : null,
        }
      : null,
    lastSuccessAt: r.lastSuccessAt ? new Date(r.lastSuccessAt) : null,
  }));
}

export type PipelineRunItem = Pick<
  Run,
  | "id"
  | "status"
  | "targetSchema"
  | "targetTable"
  | "rowCount"
  | "error"
  | "parameters"
  | "trigger"
  | "createdAt"
  | "startedAt"
  | "finishedAt"
  | "rolledBackAt"
> & { version: number | null };

/** A pipeline's runs, newest first. */
export async function listPipelineRuns({
  pipelineId,
  limit = 50,
  db = getDb(),
}: {
  pipelineId: string;
  limit?: number;
  db?: Database;
}): Promise<PipelineRunItem[]> {
  return db
    .select({
      id: runs.id,
      status: runs.status,
      targetSchema: runs.targetSchema,
      targetTable: runs.targetTable,
      rowCount: runs.rowCount,
      error: runs.error,
      parameters: runs.parameters,
      trigger: runs.trigger,
      createdAt: runs.createdAt,
      startedAt: runs.startedAt,
      finishedAt: runs.finishedAt,
      rolledBackAt: runs.rolledBackAt,
      version: pipelineVersions.version,
    })
    .from(runs)
    .leftJoin(pipelineVersions, eq(pipelineVersions.id, runs.pipelineVersionId))
    .where(eq(runs.pipelineId, pipelineId))
    .orderBy(desc(runs.createdAt))
    .limit(limit);
}

export type NewPipelineRun = {
  userId: string;
  prompt: string;
  targetTable: string;
  engine?: string | null;
  pipelineId: string;
  pipelineVersionId: string;
  parameters: Record<string, unknown>;
  trigger: "manual" | "schedule" | "backfill";
  triggeredBy?: string | null;
};

/** The run of a pipeline in progress (queued or running), if any. */
export async function getActivePipelineRun({
  pipelineId,
  db = getDb(),
}: {
  pipelineId: string;
  db?: Database;
}): Promise<Pick<Run, "id" | "status"> | null> {
  const [row] = await db
    .select({ id: runs.id, status: runs.status })
    .from(runs)
    .where(and(eq(runs.pipelineId, pipelineId), sql`${runs.status} in ('queued', 'running')`));
  return row ?? null;
}

/**
 * Creates a queued run of a pipeline. A pipeline has at most one run in progress: the database
 * refuses a second (a unique index), and this answers null then, whichever process asked.
 */
export async function createPipelineRun({
  db = getDb(),
  ...run
}: NewPipelineRun & { db?: Database }): Promise<Run | null> {
  try {
    const [created] = await db
      .insert(runs)
      .values({ ...run, engine: run.engine ?? undefined, replaceTarget: true, status: "queued" })
      .returning();
    return created;
  } catch (error) {
    if (isUniqueViolation(error, "runs_one_active_per_pipeline_key")) return null;
    throw error;
  }
}
