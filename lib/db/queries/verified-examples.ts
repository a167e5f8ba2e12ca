import { and, desc, eq, or, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { users, verifiedExamples } from "@/lib/db/schema";

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
  const visible = isAdmin ? undefined : or(eq(verifiedExamples.approved, true), eq(verifiedExamples.createdBy, userId));
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
