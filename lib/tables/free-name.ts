import type { Database, SqlExecutor } from "@/lib/db/client";
import { updateRun } from "@/lib/db/queries/runs";
import { listTablesInProgress, lockTargetNames } from "@/lib/db/queries/tables";
import { isReservedTableName, numberedTableName } from "@/lib/warehouse/names";
import { tableExists } from "@/lib/warehouse/tables";

const MAX_TRIES = 100;

/**
 * Gives a run whose name came from the planner a table name nobody has: `planned`, or
 * `planned_2`, `planned_3`, … when that exists or another run is building it. The choice and
 * the run's record of it happen under one lock per schema, so two runs planning the same name
 * at once get different ones. Returns null when no free name was found.
 */
export async function claimFreeTableName({
  sql,
  db,
  schema,
  runId,
  planned,
}: {
  sql: SqlExecutor;
  db: Database;
  schema: string;
  runId: string;
  planned: string;
}): Promise<string | null> {
  return db.transaction(async (tx) => {
    await lockTargetNames({ schema, db: tx });
    const building = await listTablesInProgress({ schema, exceptRunId: runId, db: tx });
    for (let n = 1; n <= MAX_TRIES; n++) {
      const name = numberedTableName(planned, n);
      if (building.has(name) || isReservedTableName(name) || (await tableExists(sql, schema, name))) continue;
      await updateRun({ id: runId, targetSchema: schema, targetTable: name, db: tx });
      return name;
    }
    return null;
  });
}
