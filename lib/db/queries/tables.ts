import { and, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { runs, uploads, users, type Run } from "@/lib/db/schema";

/** Who made a version of a table: the run or upload, its user and when. */
export type TableAuthor = { id: string; userId: string; email: string; at: Date };

type Table = { schema: string; table: string };

/**
 * The run whose version of `schema.table` is in place: the latest publish not rolled back. When
 * every publish was rolled back, the latest one still says whose table it is.
 */
export async function getCurrentPublisher({
  schema,
  table,
  db = getDb(),
}: Table & { db?: Database }): Promise<TableAuthor | null> {
  const [row] = await db
    .select({ id: runs.id, userId: runs.userId, email: users.email, at: runs.finishedAt })
    .from(runs)
    .innerJoin(users, eq(users.id, runs.userId))
    .where(and(eq(runs.status, "succeeded"), eq(runs.targetSchema, schema), eq(runs.targetTable, table)))
    .orderBy(sql`${runs.rolledBackAt} is null desc`, desc(runs.finishedAt))
    .limit(1);
  return row ? { ...row, at: row.at ?? new Date(0) } : null;
}

/** The first publish of the same table after `run`'s that is still in place, if any. */
export async function getLaterPublisher({
  run,
  db = getDb(),
}: {
  run: Pick<Run, "targetSchema" | "targetTable" | "finishedAt">;
  db?: Database;
}): Promise<TableAuthor | null> {
  if (!run.targetSchema || !run.targetTable || !run.finishedAt) return null;
  const [row] = await db
    .select({ id: runs.id, userId: runs.userId, email: users.email, at: runs.finishedAt })
    .from(runs)
    .innerJoin(users, eq(users.id, runs.userId))
    .where(
      and(
        eq(runs.status, "succeeded"),
        eq(runs.targetSchema, run.targetSchema),
        eq(runs.targetTable, run.targetTable),
        gt(runs.finishedAt, run.finishedAt),
        isNull(runs.rolledBackAt),
      ),
    )
    .orderBy(desc(runs.finishedAt))
    .limit(1);
  return row ? { ...row, at: row.at ?? new Date(0) } : null;
}

/**
 * Serialises the choice of new table names in `schema` until the end of the transaction `db`, so
 * that two runs never settle on the same free name.
 */
export async function lockTargetNames({
  schema,
  db,
}: {
  schema: string;
  db: Pick<Database, "execute">;
}): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`datamorph:targets:${schema}`}))`);
}

/** Every table a run has published, as "schema.table": tables the planner may build on. */
export async function listPublishedTables({ db = getDb() }: { db?: Database } = {}): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: sql<string>`${runs.targetSchema} || '.' || ${runs.targetTable}` })
    .from(runs)
    .where(and(eq(runs.status, "succeeded"), sql`${runs.targetTable} is not null`));
  return rows.map((row) => row.name);
}

/** Tables that runs other than `exceptRunId` are building right now, so no other run takes their names. */
export async function listTablesInProgress({
  schema,
  exceptRunId,
  db = getDb(),
}: {
  schema: string;
  exceptRunId: string;
  db?: Pick<Database, "select">;
}): Promise<Set<string>> {
  const rows = await db
    .select({ table: runs.targetTable })
    .from(runs)
    .where(and(inArray(runs.status, ["queued", "running"]), eq(runs.targetSchema, schema), ne(runs.id, exceptRunId)));
  return new Set(rows.map((r) => r.table).filter((t): t is string => t !== null));
}

/**
 * The upload whose version of `schema.table` is in place (the latest not rolled back), if an
 * upload ever made the table; when every one was rolled back, the latest still says whose it is.
 */
export async function getLatestUpload({
  schema,
  table,
  db = getDb(),
}: Table & { db?: Database }): Promise<(TableAuthor & { keptPrevious: boolean; rolledBackAt: Date | null }) | null> {
  const [row] = await db
    .select({
      id: uploads.id,
      userId: uploads.userId,
      email: users.email,
      at: uploads.createdAt,
      keptPrevious: uploads.keptPrevious,
      rolledBackAt: uploads.rolledBackAt,
    })
    .from(uploads)
    .innerJoin(users, eq(users.id, uploads.userId))
    .where(and(eq(uploads.schemaName, schema), eq(uploads.tableName, table)))
    .orderBy(sql`${uploads.rolledBackAt} is null desc`, desc(uploads.createdAt))
    .limit(1);
  return row ?? null;
}

/** Marks an upload rolled back, once; false when it already was. */
export async function claimUploadRollback({ id, db = getDb() }: { id: string; db?: Database }): Promise<boolean> {
  const claimed = await db
    .update(uploads)
    .set({ rolledBackAt: new Date(), updatedAt: new Date() })
    .where(and(eq(uploads.id, id), isNull(uploads.rolledBackAt)))
    .returning({ id: uploads.id });
  return claimed.length > 0;
}

export async function releaseUploadRollback({ id, db = getDb() }: { id: string; db?: Database }): Promise<void> {
  await db.update(uploads).set({ rolledBackAt: null, updatedAt: new Date() }).where(eq(uploads.id, id));
}

export async function recordUpload({
  db = getDb(),
  ...upload
}: {
  userId: string;
  schema: string;
  table: string;
  fileName: string;
  rowCount: number;
  keptPrevious: boolean;
  db?: Database;
}): Promise<void> {
  await db.insert(uploads).values({
    userId: upload.userId,
    schemaName: upload.schema,
    tableName: upload.table,
    fileName: upload.fileName,
    rowCount: upload.rowCount,
    keptPrevious: upload.keptPrevious,
  });
}

/** Records that a publish kept the version it replaced (what its rollback will restore). */
export async function recordKeptPrevious({
  id,
  keptPrevious,
  db = getDb(),
}: {
  id: string;
  keptPrevious: boolean;
  db?: Database;
}): Promise<void> {
  await db.update(runs).set({ keptPrevious, updatedAt: new Date() }).where(eq(runs.id, id));
}

/**
 * Marks `id` rolled back by `userId`, once: false when it already was (two clicks, or two
 * people at once). The mark comes first so only one rollback can go on to move tables.
 */
export async function claimRollback({
  id,
  userId,
  db = getDb(),
}: {
  id: string;
  userId: string;
  db?: Database;
}): Promise<boolean> {
  const claimed = await db
    .update(runs)
    .set({ rolledBackAt: new Date(), rolledBackBy: userId, updatedAt: new Date() })
    .where(and(eq(runs.id, id), isNull(runs.rolledBackAt)))
    .returning({ id: runs.id });
  return claimed.length > 0;
}

/** Takes back a claim whose rollback could not move the tables. */
export async function releaseRollback({ id, db = getDb() }: { id: string; db?: Database }): Promise<void> {
  await db.update(runs).set({ rolledBackAt: null, rolledBackBy: null, updatedAt: new Date() }).where(eq(runs.id, id));
}

/** The email of the user who rolled a run back. */
export async function getUserEmail({ id, db = getDb() }: { id: string; db?: Database }): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, id));
  return row?.email ?? null;
}

/** The user a run belongs to, as the rules on replacing tables see them. */
export async function getRunOwner({
  runId,
  db = getDb(),
}: {
  runId: string;
  db?: Database;
}): Promise<{ id: string; email: string; role: "admin" | "member" } | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, role: users.role })
    .from(runs)
    .innerJoin(users, eq(users.id, runs.userId))
    .where(eq(runs.id, runId));
  return row ?? null;
}
