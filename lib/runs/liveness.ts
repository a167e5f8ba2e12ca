import { createDatabase, type SqlClient } from "@/lib/db/client";
import { listRunsToRecover, markRunInterrupted } from "@/lib/db/queries/runs";
import { dropShadowTables } from "@/lib/warehouse/tables";

/** First key of the advisory locks that mark a run as alive; the second is the run id's hash. */
const RUN_LOCK_SPACE = 7_126_033;

/**
 * Marks a run as being worked on for as long as this process lives: a session advisory lock on
 * the process's liveness connection (`createLivenessClient` in lib/db). If the process dies, Postgres
 * releases the lock, and recovery can tell. Returns null at once when another process already
 * holds the run (an event delivered twice).
 */
export async function tryHoldRunLock(locks: SqlClient, runId: string): Promise<(() => Promise<void>) | null> {
  const [{ held }] = await locks`select pg_try_advisory_lock(${RUN_LOCK_SPACE}, hashtext(${runId})) as held`;
  if (!held) return null;
  return async () => {
    await locks`select pg_advisory_unlock(${RUN_LOCK_SPACE}, hashtext(${runId}))`.catch(() => {});
  };
}

/** Like `tryHoldRunLock` for a run this process just created; a recovery probe may hold it for an instant. */
export async function holdRunLock(locks: SqlClient, runId: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const release = await tryHoldRunLock(locks, runId);
    if (release) return release;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Run ${runId} is held by another process.`);
}

/**
 * Finds runs marked running whose process is gone (nobody holds their lock) and queued runs that
 * never started (queued a minute ago: a plan built after a long review was queued just now),
 * marks them interrupted and drops their shadow tables. Published tables are
 * never touched: a run that did not finish never swapped anything in.
 */
export async function recoverAbandonedRuns(sql: SqlClient, defaultSchema: string): Promise<string[]> {
  const db = createDatabase(sql);
  const candidates = await listRunsToRecover({ db });
  const recovered: string[] = [];
  const probe = await sql.reserve();
  try {
    for (const run of candidates) {
      const [{ free }] = await probe`select pg_try_advisory_lock(${RUN_LOCK_SPACE}, hashtext(${run.id})) as free`;
      if (!free) continue; // its process is still working on it
      await probe`select pg_advisory_unlock(${RUN_LOCK_SPACE}, hashtext(${run.id}))`;
      if (!(await markRunInterrupted({ id: run.id, status: run.status, db }))) continue;
      await dropShadowTables(sql, run.targetSchema ?? defaultSchema, run.id);
      recovered.push(run.id);
    }
  } finally {
    probe.release();
  }
  return recovered;
}
