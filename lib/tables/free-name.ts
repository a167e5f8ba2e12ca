import { eq, sql as raw } from "drizzle-orm";
import type { Database, SqlExecutor } from "@/lib/db/client";
import { runs } from "@/lib/db/schema";
import { listTablesInProgress } from "@/lib/db/queries/tables";
import { isReservedTableName, numberedTableName } from "@/lib/warehouse/names";
import { tableExists } from "@/lib/warehouse/tables";

const MAX_TRIES = 100;

/**
 * Gives a run whose name came from the planner a table name nobody has: `planned`, or
 * `planned_2`, `planned_3`, … when that exists or another run is building it. The choice and
 * the run's record of it happen under one lock per schema, so two runs planning the same name
 * at once get different ones. Returns null when no free name was found.
 */
export async function claimFreeTableName({ sql, db, schema, runId, planned }: { sql: SqlExecutor; db: Database; schema: string; runId: string; planned: string }): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.execute(raw`select pg_advisory_xact_lock(hashtext(${`datamorph:targets:${schema}`}))`);
    const building = await listTablesInProgress({ schema, exceptRunId: runId, db: tx });
    for (let n = 1; n <= MAX_TRIES; n++) {
      const name = numberedTableName(planned, n);
      if (building.has(name) || isReservedTableName(name) || (await tableExists(sql, schema, name))) continue;
      await tx.update(runs).set({ targetSchema: schema, targetTable: name, updatedAt: new Date() }).where(eq(runs.id, runId));
      return name;
    }
    return null;
  });
}
