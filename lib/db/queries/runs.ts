import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { runs, users, type Run } from "@/lib/db/schema";

export type RunListItem = Pick<Run, "id" | "prompt" | "status" | "targetSchema" | "targetTable" | "rowCount" | "createdAt" | "startedAt" | "finishedAt"> & {
  userEmail: string;
};

/** Recent runs, newest first: the user's own, or everyone's for an admin. */
export async function listRuns({ userId, isAdmin, limit = 50 }: { userId: string; isAdmin: boolean; limit?: number }): Promise<RunListItem[]> {
  return getDb()
    .select({
      id: runs.id,
      prompt: runs.prompt,
      status: runs.status,
      targetSchema: runs.targetSchema,
      targetTable: runs.targetTable,
      rowCount: runs.rowCount,
      createdAt: runs.createdAt,
      startedAt: runs.startedAt,
      finishedAt: runs.finishedAt,
      userEmail: users.email,
    })
    .from(runs)
    .innerJoin(users, eq(users.id, runs.userId))
    .where(isAdmin ? undefined : eq(runs.userId, userId))
    .orderBy(desc(runs.createdAt))
    .limit(limit);
}

export async function createRun({ userId, prompt, targetTable }: { userId: string; prompt: string; targetTable?: string }): Promise<Run> {
  const [run] = await getDb().insert(runs).values({ userId, prompt, targetTable }).returning();
  return run;
}

export async function getRunById({ id }: { id: string }): Promise<Run | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [run] = await getDb().select().from(runs).where(eq(runs.id, id));
  return run ?? null;
}

type RunUpdate = Partial<Pick<Run, "status" | "targetSchema" | "targetTable" | "rowCount" | "error" | "startedAt" | "finishedAt">>;

/** Records a run's progress; `db` lets the pipeline write through its own connection. */
export async function updateRun({ id, db = getDb(), ...changes }: { id: string; db?: Database } & RunUpdate): Promise<void> {
  await db.update(runs).set({ ...changes, updatedAt: new Date() }).where(eq(runs.id, id));
}
