import type { SqlClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { previousTableName } from "@/lib/warehouse/names";
import { restorePrevious } from "@/lib/warehouse/tables";

/**
 * Puts back `<table>__previous` once the caller has claimed the rollback (a run's or an
 * upload's), and gives the claim back when nothing was restored, so a later attempt can try
 * again. `what` names what replaced the table ("this run", "this upload") in the refusal.
 */
export async function restoreClaimed(
  sql: SqlClient,
  { schema, table, what, release }: { schema: string; table: string; what: string; release: () => Promise<unknown> },
): Promise<void> {
  let restored = false;
  try {
    restored = await restorePrevious(sql, { schema, target: table });
  } finally {
    if (!restored) await release();
  }
  if (!restored)
    throw new AppError(
      "conflict",
      `The version ${what} replaced (${previousTableName(table)}) is no longer kept, so ${schema}.${table} was left as it is.`,
    );
}
