import { and, desc, eq, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { users, verifiedExamples } from "@/lib/db/schema";
import type { VerifiedExample } from "@/lib/planner/verified/plan-from-example";
import type { EtlSpec } from "@/lib/spec/etl-spec";

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
    .where(
      and(
        eq(verifiedExamples.warehouse, warehouse),
        or(eq(verifiedExamples.approved, true), eq(verifiedExamples.createdBy, userId)),
      ),
    )
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
