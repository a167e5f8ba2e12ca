import { and, asc, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database, DatabaseOrTransaction } from "@/lib/db/client";
import { pipelineFirings, pipelines, schedulerLeases, type Pipeline, type PipelineFiring } from "@/lib/db/schema";

export type CatchUp = "run_once" | "skip";
export type FiringOutcome = "pending" | "started" | "skipped_running" | "skipped_missed" | "failed";

/** Sets (or replaces) a pipeline's schedule; it fires next at `nextFireAt`. Returns the pipeline as saved. */
export async function setPipelineSchedule({
  id,
  cron,
  timezone,
  catchUp,
  nextFireAt,
  db = getDb(),
}: {
  id: string;
  cron: string;
  timezone: string;
  catchUp: CatchUp;
  nextFireAt: Date;
  db?: DatabaseOrTransaction;
}): Promise<Pipeline | null> {
  const [row] = await db
    .update(pipelines)
    .set({ cron, timezone, catchUp, nextFireAt, paused: false, updatedAt: new Date() })
    .where(eq(pipelines.id, id))
    .returning();
  return row ?? null;
}

/**
 * Pauses a schedule, or resumes it from `nextFireAt` (firings while paused are not caught up).
 * Returns the pipeline as saved.
 */
export async function setPipelinePaused({
  id,
  paused,
  nextFireAt,
  db = getDb(),
}: {
  id: string;
  paused: boolean;
  nextFireAt?: Date | null;
  db?: DatabaseOrTransaction;
}): Promise<Pipeline | null> {
  const [row] = await db
    .update(pipelines)
    .set({ paused, ...(nextFireAt !== undefined ? { nextFireAt } : {}), updatedAt: new Date() })
    .where(eq(pipelines.id, id))
    .returning();
  return row ?? null;
}

/**
 * Takes or renews the scheduler lease for `ms`: true while `holder` is the one process that fires
 * schedules. Another holder gets it only once the lease has run out (its process stopped).
 */
export async function claimSchedulerLease({
  holder,
  ms,
  name = "pipelines",
  db = getDb(),
}: {
  holder: string;
  ms: number;
  name?: string;
  db?: Database;
}): Promise<boolean> {
  const rows = await db
    .insert(schedulerLeases)
    .values({ name, holder, expiresAt: sql`now() + ${`${ms} milliseconds`}::interval` })
    .onConflictDoUpdate({
      target: schedulerLeases.name,
      set: { holder, expiresAt: sql`now() + ${`${ms} milliseconds`}::interval`, updatedAt: sql`now()` },
      setWhere: sql`${schedulerLeases.holder} = ${holder} or ${schedulerLeases.expiresAt} < now()`,
    })
    .returning({ holder: schedulerLeases.holder });
  return rows.length > 0;
}

/** Gives the lease up at once (a scheduler stopping cleanly), so another takes over without waiting. */
export async function releaseSchedulerLease({
  holder,
  name = "pipelines",
  db = getDb(),
}: {
  holder: string;
  name?: string;
  db?: Database;
}): Promise<void> {
  await db.delete(schedulerLeases).where(and(eq(schedulerLeases.name, name), eq(schedulerLeases.holder, holder)));
}

/** Whether any pipeline has a schedule that is not paused. */
export async function hasActiveSchedules({ db = getDb() }: { db?: Database } = {}): Promise<boolean> {
  const [row] = await db
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(and(isNotNull(pipelines.cron), eq(pipelines.paused, false)))
    .limit(1);
  return row !== undefined;
}

/** Every pipeline with a schedule, paused or not, oldest first. */
export async function listScheduledPipelines({ db = getDb() }: { db?: Database } = {}): Promise<Pipeline[]> {
  return db.select().from(pipelines).where(isNotNull(pipelines.cron)).orderBy(asc(pipelines.createdAt));
}

/** The pipeline `id`, its row locked until `tx` ends (as a schedule change locks it), or null when gone. */
export async function lockPipeline({ id, tx }: { id: string; tx: DatabaseOrTransaction }): Promise<Pipeline | null> {
  const [row] = await tx.select().from(pipelines).where(eq(pipelines.id, id)).for("update");
  return row ?? null;
}

/** Scheduled, unpaused pipelines whose next firing is due at `now`, the most overdue first. */
export async function listDuePipelines({
  now,
  limit = 100,
  db = getDb(),
}: {
  now: Date;
  limit?: number;
  db?: Database;
}): Promise<Pipeline[]> {
  return db
    .select()
    .from(pipelines)
    .where(and(isNotNull(pipelines.cron), eq(pipelines.paused, false), lte(pipelines.nextFireAt, now)))
    .orderBy(asc(pipelines.nextFireAt))
    .limit(limit);
}

/**
 * Claims the firing of `pipeline` due at `scheduledFor` and moves the schedule on to `next`, in one
 * transaction: the update only matches while the schedule's `nextFireAt` is still `scheduledFor` (or
 * earlier: an EventBridge delivery after one that never came), and the firing row is unique per
 * pipeline and moment, so however many schedulers or deliveries try, one succeeds. Returns the
 * firing, or null when it was fired already (or the schedule changed, or is paused).
 */
export async function claimFiring({
  pipelineId,
  scheduledFor,
  next,
  kind,
  holder,
  db = getDb(),
}: {
  pipelineId: string;
  scheduledFor: Date;
  next: Date | null;
  kind: "schedule" | "catch_up";
  holder: string;
  db?: Database;
}): Promise<PipelineFiring | null> {
  return db
    .transaction(async (tx) => {
      const moved = await tx
        .update(pipelines)
        .set({ nextFireAt: next, updatedAt: new Date() })
        .where(
          and(
            eq(pipelines.id, pipelineId),
            lte(pipelines.nextFireAt, scheduledFor),
            isNotNull(pipelines.cron),
            eq(pipelines.paused, false),
          ),
        )
        .returning({ id: pipelines.id });
      if (moved.length === 0) return null;
      const [firing] = await tx
        .insert(pipelineFirings)
        .values({ pipelineId, scheduledFor, kind, firedBy: holder })
        .onConflictDoNothing()
        .returning();
      if (!firing) tx.rollback();
      return firing;
    })
    .catch((error: unknown) => {
      if ((error as Error)?.name === "TransactionRollbackError") return null;
      throw error;
    });
}

/** Records what a firing did. */
export async function recordFiringOutcome({
  id,
  outcome,
  runId = null,
  message = null,
  db = getDb(),
}: {
  id: number;
  outcome: FiringOutcome;
  runId?: string | null;
  message?: string | null;
  db?: Database;
}): Promise<void> {
  await db
    .update(pipelineFirings)
    .set({ outcome, runId, message, updatedAt: new Date() })
    .where(eq(pipelineFirings.id, id));
}

/** A pipeline's latest firings, newest first. */
export async function listPipelineFirings({
  pipelineId,
  limit = 20,
  db = getDb(),
}: {
  pipelineId: string;
  limit?: number;
  db?: Database;
}): Promise<PipelineFiring[]> {
  return db
    .select()
    .from(pipelineFirings)
    .where(eq(pipelineFirings.pipelineId, pipelineId))
    .orderBy(desc(pipelineFirings.scheduledFor))
    .limit(limit);
}
