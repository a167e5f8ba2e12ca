import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { users, verifiedExamples } from "@/lib/db/schema";
import type { VerifiedExample } from "@/lib/planner/verified/plan-from-example";
import type { EtlSpec } from "@/lib/spec/etl-spec";

/** The examples that apply to a person: approved ones and their own. */
const appliesTo = (userId: string) => or(eq(verifiedExamples.approved, true), eq(verifiedExamples.createdBy, userId));

/**
 * Keeps a run's prompt and spec as a verified example of a warehouse; verifying the same prompt
 * again replaces the person's earlier example (with the new run as its source).
 */
export async function saveVerifiedExample({
  db = getDb(),
  ...e
}: {
  db?: Database;
  warehouse: string;
  prompt: string;
  spec: EtlSpec;
  createdBy: string;
  runId: string;
  approved: boolean;
}): Promise<void> {
  // The unique key is on lower(prompt), which drizzle's conflict target cannot name.
  await db.execute(sql`
    insert into ${verifiedExamples} (warehouse, prompt, spec, created_by, run_id, approved)
    values (${e.warehouse}, ${e.prompt}, ${JSON.stringify(e.spec)}::jsonb, ${e.createdBy}, ${e.runId}, ${e.approved})
    on conflict (warehouse, lower(prompt), created_by)
    do update set spec = excluded.spec, run_id = excluded.run_id, approved = excluded.approved, updated_at = now()`);
}

/** The examples that apply to `userId`'s requests in a warehouse: their own first, then approved ones, newest first. */
export async function listVerifiedExamplesFor({
  db = getDb(),
  warehouse,
  userId,
}: {
  db?: Database;
  warehouse: string;
  userId: string;
}): Promise<VerifiedExample[]> {
  const rows = await db
    .select({
      id: verifiedExamples.id,
      prompt: verifiedExamples.prompt,
      spec: verifiedExamples.spec,
      by: users.email,
      runId: verifiedExamples.runId,
      createdBy: verifiedExamples.createdBy,
    })
    .from(verifiedExamples)
    .leftJoin(users, eq(users.id, verifiedExamples.createdBy))
    .where(and(eq(verifiedExamples.warehouse, warehouse), appliesTo(userId)))
    .orderBy(desc(verifiedExamples.updatedAt));
  return rows
    .sort((a, b) => Number(b.createdBy === userId) - Number(a.createdBy === userId))
    .map(({ createdBy: _createdBy, spec, ...example }) => ({ ...example, spec: spec as EtlSpec }));
}

/** Counts a use of the example a plan was made from. */
export async function countVerifiedExampleUse({ db = getDb(), id }: { db?: Database; id: string }): Promise<void> {
  await db
    .update(verifiedExamples)
    .set({ useCount: sql`${verifiedExamples.useCount} + 1` })
    .where(eq(verifiedExamples.id, id));
}

/** Who verified a run, and whether their example applies to everyone; null when no one did. */
export async function findVerificationOfRun({
  db = getDb(),
  runId,
}: {
  db?: Database;
  runId: string;
}): Promise<{ by: string | null; approved: boolean } | null> {
  const [row] = await db
    .select({ by: users.email, approved: verifiedExamples.approved })
    .from(verifiedExamples)
    .leftJoin(users, eq(users.id, verifiedExamples.createdBy))
    .where(eq(verifiedExamples.runId, runId))
    .orderBy(desc(verifiedExamples.approved))
    .limit(1);
  return row ?? null;
}

/** One verified example as the Knowledge page lists it, without its spec. */
export type VerifiedExampleRow = {
  id: string;
  prompt: string;
  by: string | null;
  createdBy: string | null;
  at: Date;
  runId: string | null;
  approved: boolean;
  useCount: number;
};

async function selectExampleRows(db: Database, where: SQL | undefined): Promise<VerifiedExampleRow[]> {
  return db
    .select({
      id: verifiedExamples.id,
      prompt: verifiedExamples.prompt,
      by: users.email,
      createdBy: verifiedExamples.createdBy,
      at: verifiedExamples.createdAt,
      runId: verifiedExamples.runId,
      approved: verifiedExamples.approved,
      useCount: verifiedExamples.useCount,
    })
    .from(verifiedExamples)
    .leftJoin(users, eq(users.id, verifiedExamples.createdBy))
    .where(where)
    .orderBy(verifiedExamples.approved, desc(verifiedExamples.createdAt));
}

/**
 * The verified examples of a warehouse a person may see: an administrator every one, a member
 * the approved ones and their own. Pending ones first, newest first.
 */
export async function listVerifiedExamples({
  db = getDb(),
  warehouse,
  userId,
  isAdmin,
}: {
  db?: Database;
  warehouse: string;
  userId: string;
  isAdmin: boolean;
}): Promise<VerifiedExampleRow[]> {
  const visible = isAdmin ? undefined : appliesTo(userId);
  return selectExampleRows(db, and(eq(verifiedExamples.warehouse, warehouse), visible));
}

/** The approved verified examples of a warehouse (the ones that apply to everyone), oldest first. */
export async function listApprovedVerifiedExamples({
  db = getDb(),
  warehouse,
}: {
  db?: Database;
  warehouse: string;
}): Promise<VerifiedExampleRow[]> {
  const rows = await selectExampleRows(
    db,
    and(eq(verifiedExamples.warehouse, warehouse), eq(verifiedExamples.approved, true)),
  );
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Makes a verified example of the warehouse apply to everyone; `null` when there is no such example. */
export async function approveVerifiedExample({
  db = getDb(),
  id,
  warehouse,
}: {
  db?: Database;
  id: string;
  warehouse: string;
}): Promise<{ id: string } | null> {
  const [row] = await db
    .update(verifiedExamples)
    .set({ approved: true })
    .where(and(eq(verifiedExamples.id, id), eq(verifiedExamples.warehouse, warehouse)))
    .returning({ id: verifiedExamples.id });
  return row ?? null;
}

/**
 * Deletes a verified example of the warehouse; with `pendingOf`, only when it is that person's
 * own and not approved yet (what a member may delete). `null` when none matched.
 */
export async function deleteVerifiedExample({
  db = getDb(),
  id,
  warehouse,
  pendingOf,
}: {
  db?: Database;
  id: string;
  warehouse: string;
  pendingOf?: string;
}): Promise<{ id: string } | null> {
  const own = pendingOf
    ? and(eq(verifiedExamples.createdBy, pendingOf), eq(verifiedExamples.approved, false))
    : undefined;
  const [row] = await db
    .delete(verifiedExamples)
    .where(and(eq(verifiedExamples.id, id), eq(verifiedExamples.warehouse, warehouse), own))
    .returning({ id: verifiedExamples.id });
  return row ?? null;
}
