import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { knowledge, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** The entries that apply to a person: approved ones and their own. */
const appliesTo = (userId: string) => or(eq(knowledge.approved, true), eq(knowledge.createdBy, userId));

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
    .where(and(eq(knowledge.warehouse, warehouse), appliesTo(userId)))
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

/** One knowledge entry as the Knowledge page lists it: whether it is approved, and how often it was used. */
export type KnowledgeRow = KnowledgeEntry & {
  createdBy: string | null;
  approved: boolean;
  useCount: number;
};

const rowColumns = {
  id: knowledge.id,
  kind: knowledge.kind,
  phrase: knowledge.phrase,
  meaning: knowledge.meaning,
  by: users.email,
  at: knowledge.updatedAt,
  runId: knowledge.runId,
  createdBy: knowledge.createdBy,
  approved: knowledge.approved,
  useCount: knowledge.useCount,
};

async function selectRows(db: Database, where: SQL | undefined): Promise<KnowledgeRow[]> {
  return db
    .select(rowColumns)
    .from(knowledge)
    .leftJoin(users, eq(users.id, knowledge.createdBy))
    .where(where)
    .orderBy(knowledge.approved, desc(knowledge.updatedAt));
}

/**
 * The entries of a warehouse a person may see on the Knowledge page: an administrator every
 * one, a member the approved ones and their own. Pending entries first, newest first.
 */
export async function listWarehouseKnowledge({
  db = getDb(),
  warehouse,
  userId,
  isAdmin,
}: {
  db?: Database;
  warehouse: string;
  userId: string;
  isAdmin: boolean;
}): Promise<KnowledgeRow[]> {
  const visible = isAdmin ? undefined : appliesTo(userId);
  return selectRows(db, and(eq(knowledge.warehouse, warehouse), visible));
}

/** The approved entries of a warehouse (the ones that apply to everyone), oldest first. */
export async function listApprovedKnowledge({
  db = getDb(),
  warehouse,
}: {
  db?: Database;
  warehouse: string;
}): Promise<KnowledgeRow[]> {
  const rows = await selectRows(db, and(eq(knowledge.warehouse, warehouse), eq(knowledge.approved, true)));
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Makes an entry of the warehouse apply to everyone; `null` when there is no such entry. Its
 * date stays when it was saved, which is what the planner cites.
 */
export async function approveKnowledge({
  db = getDb(),
  id,
  warehouse,
}: {
  db?: Database;
  id: string;
  warehouse: string;
}): Promise<{ id: string } | null> {
  const [row] = await db
    .update(knowledge)
    .set({ approved: true })
    .where(and(eq(knowledge.id, id), eq(knowledge.warehouse, warehouse)))
    .returning({ id: knowledge.id });
  return row ?? null;
}

/**
 * Changes the words of an entry and what they mean; `null` when there is no such entry. Its
 * author's other entry of the same kind for the same words is a conflict.
 */
export async function editKnowledge({
  db = getDb(),
  id,
  warehouse,
  phrase,
  meaning,
}: {
  db?: Database;
  id: string;
  warehouse: string;
  phrase: string;
  meaning: string;
}): Promise<{ id: string } | null> {
  try {
    const [row] = await db
      .update(knowledge)
      .set({ phrase, meaning, updatedAt: new Date() })
      .where(and(eq(knowledge.id, id), eq(knowledge.warehouse, warehouse)))
      .returning({ id: knowledge.id });
    return row ?? null;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } })?.cause ?? error;
    if ((cause as { code?: string })?.code === "23505")
      throw new AppError(
        "conflict",
        `Its author already has an entry for "${phrase}"; edit or delete that one instead. Nothing was changed.`,
      );
    throw error;
  }
}

/**
 * Deletes an entry of the warehouse; with `pendingOf`, only when it is that person's own and not
 * approved yet (what a member may delete). `null` when no entry matched.
 */
export async function deleteKnowledge({
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
  const own = pendingOf ? and(eq(knowledge.createdBy, pendingOf), eq(knowledge.approved, false)) : undefined;
  const [row] = await db
    .delete(knowledge)
    .where(and(eq(knowledge.id, id), eq(knowledge.warehouse, warehouse), own))
    .returning({ id: knowledge.id });
  return row ?? null;
}

/** One entry of the warehouse by id, as the page lists it; `null` when there is none. */
export async function getKnowledgeById({
  db = getDb(),
  id,
  warehouse,
}: {
  db?: Database;
  id: string;
  warehouse: string;
}): Promise<KnowledgeRow | null> {
  const [row] = await selectRows(db, and(eq(knowledge.id, id), eq(knowledge.warehouse, warehouse)));
  return row ?? null;
}
