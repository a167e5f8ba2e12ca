import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { runs, users, type Run } from "@/lib/db/schema";

export type RunListItem = Pick<
  Run,
  | "id"
  | "prompt"
  | "status"
  | "targetSchema"
  | "targetTable"
  | "rowCount"
  | "createdAt"
  | "startedAt"
  | "finishedAt"
  | "rolledBackAt"
> & {
  userEmail: string;
};

/** Who is looking: a user sees their own runs, an administrator (and the command line) everyone's. */
type RunViewer = { userId: string; isAdmin: boolean } | { userId?: undefined; isAdmin: true };

/** The columns of a run in a list of runs (with its user's email: join `users`). */
export const runListColumns = {
  id: runs.id,
  prompt: runs.prompt,
  status: runs.status,
  targetSchema: runs.targetSchema,
  targetTable: runs.targetTable,
  rowCount: runs.rowCount,
  createdAt: runs.createdAt,
  startedAt: runs.startedAt,
  finishedAt: runs.finishedAt,
  rolledBackAt: runs.rolledBackAt,
  userEmail: users.email,
};

/** Runs an evaluation made (`evaluations`), or the runs people asked for. */
export const byEvaluation = (evaluations = false) =>
  evaluations ? eq(runs.trigger, EVALUATION_TRIGGER) : sql`${runs.trigger} is distinct from ${EVALUATION_TRIGGER}`;

/** What starts a run an evaluation makes; such runs stay out of people's lists and figures. */
export const EVALUATION_TRIGGER = "evaluation";

/** Recent runs, newest first: the user's own, or everyone's for an admin; optionally one status. Evaluations' runs are left out. */
export async function listRuns({
  userId,
  isAdmin,
  status,
  limit = 50,
}: RunViewer & { status?: Run["status"]; limit?: number }): Promise<RunListItem[]> {
  return getDb()
    .select(runListColumns)
    .from(runs)
    .innerJoin(users, eq(users.id, runs.userId))
    .where(
      and(
        isAdmin || userId === undefined ? undefined : eq(runs.userId, userId),
        status ? eq(runs.status, status) : undefined,
        byEvaluation(false),
      ),
    )
    .orderBy(desc(runs.createdAt))
    .limit(limit);
}

export async function createRun({
  userId,
  prompt,
  targetTable,
  engine,
  replaceTarget,
  trigger,
  db = getDb(),
}: {
  userId: string;
  prompt: string;
  targetTable?: string;
  engine?: string;
  replaceTarget?: boolean;
  /** `evaluation` for a run an evaluation makes. */
  trigger?: typeof EVALUATION_TRIGGER;
  db?: Database;
}): Promise<Run> {
  const [run] = await db
    .insert(runs)
    .values({ userId, prompt, targetTable, engine, replaceTarget, trigger })
    .returning();
  return run;
}

/** The id of the run that last published `schema.table`, if any. */
export async function latestPublishOf({ schema, table }: { schema: string; table: string }): Promise<string | null> {
  const [run] = await getDb()
    .select({ id: runs.id })
    .from(runs)
    .where(and(eq(runs.status, "succeeded"), eq(runs.targetSchema, schema), eq(runs.targetTable, table)))
    .orderBy(desc(runs.finishedAt))
    .limit(1);
  return run?.id ?? null;
}

/** The runs of `ids` that exist, in no particular order. */
export async function listRunsById({ ids, db = getDb() }: { ids: string[]; db?: Database }): Promise<Run[]> {
  if (ids.length === 0) return [];
  return db.select().from(runs).where(inArray(runs.id, ids));
}

export async function getRunById({ id, db = getDb() }: { id: string; db?: Database }): Promise<Run | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [run] = await db.select().from(runs).where(eq(runs.id, id));
  return run ?? null;
}

type RunUpdate = Partial<
  Pick<Run, "status" | "targetSchema" | "targetTable" | "rowCount" | "error" | "startedAt" | "finishedAt">
>;

/** Moves a queued run to running; false when it was not queued (another delivery claimed it). */
export async function claimQueuedRun({ id }: { id: string }): Promise<boolean> {
  const claimed = await getDb()
    .update(runs)
    .set({ status: "running", startedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(runs.id, id), eq(runs.status, "queued")))
    .returning({ id: runs.id });
  return claimed.length > 0;
}

/**
 * Moves a run paused after planning (`in_review` for a person's review, `needs_input` for
 * answers) back to queued, to carry it on; false when it is no longer so paused (already
 * resumed, or ended), so two presses of Build or two answers start one build.
 */
export async function resumePausedRun({
  id,
  from,
  db = getDb(),
}: {
  id: string;
  from: "in_review" | "needs_input";
  db?: Database;
}): Promise<boolean> {
  const resumed = await db
    .update(runs)
    .set({ status: "queued", updatedAt: new Date() })
    .where(and(eq(runs.id, id), eq(runs.status, from)))
    .returning({ id: runs.id });
  return resumed.length > 0;
}

/** Records a run's progress; `db` lets the pipeline write through its own connection (or a transaction). */
export async function updateRun({
  id,
  db = getDb(),
  ...changes
}: { id: string; db?: Pick<Database, "update"> } & RunUpdate): Promise<void> {
  await db
    .update(runs)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(runs.id, id));
}

/** A run with the email and name of its user, as its report shows them. */
export type RunWithUser = Run & { email: string; name: string };

export async function getRunWithUser({ id, db = getDb() }: { id: string; db?: Database }): Promise<RunWithUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({ run: runs, email: users.email, name: users.name })
    .from(runs)
    .innerJoin(users, eq(users.id, runs.userId))
    .where(eq(runs.id, id));
  return row ? { ...row.run, email: row.email, name: row.name } : null;
}

/**
 * Runs that may have lost their process: marked running, or queued for over a minute without
 * starting. Whether their process is really gone is for the caller to find out (their lock).
 */
export async function listRunsToRecover({
  db = getDb(),
}: {
  db?: Database;
} = {}): Promise<Pick<Run, "id" | "status" | "targetSchema">[]> {
  return db
    .select({ id: runs.id, status: runs.status, targetSchema: runs.targetSchema })
    .from(runs)
    .where(
      sql`${runs.status} = 'running' or (${runs.status} = 'queued' and ${runs.updatedAt} < now() - interval '1 minute')`,
    );
}

/** Marks a run whose process stopped as interrupted, if it is still `status`; null when it moved on meanwhile. */
export async function markRunInterrupted({
  id,
  status,
  db = getDb(),
}: {
  id: string;
  status: Run["status"];
  db?: Database;
}): Promise<{ id: string } | null> {
  const [row] = await db
    .update(runs)
    .set({
      status: "interrupted",
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
      error: "The run was interrupted before it finished (its process stopped). The target table was left unchanged.",
    })
    .where(and(eq(runs.id, id), eq(runs.status, status)))
    .returning({ id: runs.id });
  return row ?? null;
}

export type RunStats = {
  total: number;
  byStatus: Partial<Record<Run["status"], number>>;
  /** Succeeded among runs that finished, 0..1; null before any finished. */
  successRate: number | null;
  medianMs: number | null;
  /** Runs per day over the last 14 days, oldest first. */
  perDay: { day: string; succeeded: number; other: number }[];
};

/** Counts, success rate, median duration and a 14-day history of the runs a user can see (evaluations' runs left out). */
export async function getRunStats({ userId, isAdmin }: { userId: string; isAdmin: boolean }): Promise<RunStats> {
  const mine = and(isAdmin ? sql`true` : sql`${runs.userId} = ${userId}`, byEvaluation(false));
  const byStatus = await getDb()
    .select({ status: runs.status, n: sql<number>`count(*)::int` })
    .from(runs)
    .where(mine)
    .groupBy(runs.status);
  const [{ medianMs }] = await getDb()
    .select({
      medianMs: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${runs.finishedAt} - ${runs.startedAt}) * 1000)`,
    })
    .from(runs)
    .where(and(mine, sql`${runs.finishedAt} is not null and ${runs.startedAt} is not null`));
  const perDay = await getDb().execute<{ day: string; succeeded: number; other: number }>(sql`
    select to_char(d, 'YYYY-MM-DD') as day,
           count(r.id) filter (where r.status = 'succeeded')::int as succeeded,
           count(r.id) filter (where r.status <> 'succeeded')::int as other
    from generate_series(current_date - 13, current_date, interval '1 day') as d
    left join ${runs} r on r.created_at >= d and r.created_at < d + interval '1 day' and ${isAdmin ? sql`true` : sql`r.user_id = ${userId}`}
      and r.trigger is distinct from ${EVALUATION_TRIGGER}
    group by d order by d`);
  const counts = Object.fromEntries(byStatus.map((row) => [row.status, row.n])) as RunStats["byStatus"];
  const total = byStatus.reduce((sum, row) => sum + row.n, 0);
  const finished = (counts.succeeded ?? 0) + (counts.failed ?? 0) + (counts.rejected ?? 0) + (counts.interrupted ?? 0);
  return {
    total,
    byStatus: counts,
    successRate: finished > 0 ? (counts.succeeded ?? 0) / finished : null,
    medianMs: medianMs === null ? null : Math.round(Number(medianMs)),
    perDay: [...perDay],
  };
}
