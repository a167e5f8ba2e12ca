import { and, eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { knowledge, users } from "@/lib/db/schema";

/** One confirmed meaning, as the planner reads it, with where it came from. */
export type KnowledgeEntry = {
  id: string;
  kind: string;
  phrase: string;
  meaning: string;
  by: string | null;
  at: Date;
  runId: string | null;
};

/**
 * Saves what a person confirmed a phrase means in a warehouse; saying it again replaces their
 * earlier entry for the phrase (with the new run as its source).
 */
export async function saveKnowledge({
  db = getDb(),
  ...e
}: {
  db?: Database;
  warehouse: string;
  kind: string;
  phrase: string;
  meaning: string;
  createdBy: string;
  runId: string;
  approved: boolean;
}): Promise<void> {
  // The unique key is on lower(phrase), which drizzle's conflict target cannot name.
  await db.execute(sql`
    insert into ${knowledge} (warehouse, kind, phrase, meaning, created_by, run_id, approved)
    values (${e.warehouse}, ${e.kind}, ${e.phrase}, ${e.meaning}, ${e.createdBy}, ${e.runId}, ${e.approved})
    on conflict (warehouse, kind, lower(phrase), created_by)
    do update set meaning = excluded.meaning, run_id = excluded.run_id, approved = excluded.approved, updated_at = now()`);
}

/** The knowledge that applies to `userId`'s requests in a warehouse: approved entries and their own. */
export async function listKnowledgeFor({
  db = getDb(),
  warehouse,
  userId,
}: {
  db?: Database;
  warehouse: string;
  userId: string;
}): Promise<KnowledgeEntry[]> {
  const rows = await db
    .select({
      id: knowledge.id,
      kind: knowledge.kind,
      phrase: knowledge.phrase,
      meaning: knowledge.meaning,
      by: users.email,
      at: knowledge.updatedAt,
      runId: knowledge.runId,
      approved: knowledge.approved,
    })
    .from(knowledge)
    .leftJoin(users, eq(users.id, knowledge.createdBy))
    .where(and(eq(knowledge.warehouse, warehouse), or(eq(knowledge.approved, true), eq(knowledge.createdBy, userId))))
    .orderBy(knowledge.createdAt);
  // A person's own entry comes before an approved one of the same phrase.
  return rows.sort((a, b) => Number(a.approved) - Number(b.approved)).map(({ approved: _approved, ...entry }) => entry);
}

/** Counts each use of the entries a plan read. */
export async function countKnowledgeUses({ db = getDb(), ids }: { db?: Database; ids: string[] }): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(knowledge)
    .set({ useCount: sql`${knowledge.useCount} + 1` })
    .where(inArray(knowledge.id, ids));
}
