import type { SqlClient, SqlExecutor } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { holdRoleGrantsShared } from "@/lib/db/roles";
import { AppError } from "@/lib/errors";
import { previousTableName, rolledBackTableName, shadowPatternOf } from "./names";

export const qualified = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;

export async function tableExists(sql: SqlExecutor, schema: string, table: string): Promise<boolean> {
  const [row] = await sql`select to_regclass(${qualified(schema, table)}) is not null as found`;
  return row.found;
}

/**
 * Builds `shadow` from one SELECT in a transaction with a statement timeout: the table appears
 * whole or not at all.
 */
export async function buildShadow(
  sql: SqlClient,
  { schema, shadow, select, timeoutMs }: { schema: string; shadow: string; select: string; timeoutMs: number },
): Promise<{ rowCount: number }> {
  return sql.begin(async (tx) => {
    await tx.unsafe(`set local statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
    const result = await tx.unsafe(`create table ${qualified(schema, shadow)} as\n${select}`);
    return { rowCount: result.count };
  });
}

/** How long a swap waits for readers of the table to finish before it gives up. */
const SWAP_LOCK_WAIT = "10s";

/**
 * Runs a swap of `schema.table` in one transaction that waits at most SWAP_LOCK_WAIT for the
 * table's lock: a waiting swap queues every later reader of the table behind it, so a long
 * query on it must not turn into an outage. Giving up changes nothing and says so.
 */
function swapTransaction<T>(
  sql: SqlClient,
  schema: string,
  table: string,
  swap: (tx: SqlExecutor) => Promise<T>,
): Promise<T> {
  return sql
    .begin(async (tx) => {
      await tx.unsafe(`set local lock_timeout = '${SWAP_LOCK_WAIT}'`);
      await holdRoleGrantsShared(tx);
      return swap(tx);
    })
    .catch((error: { code?: string }) => {
      if (error?.code !== "55P03") throw error;
      throw new AppError(
        "conflict",
        `${schema}.${table} is in use by a long query, so nothing was changed; try again in a minute.`,
      );
    }) as Promise<T>;
}

/**
 * Swaps the shadow into place in one transaction; the replaced version becomes
 * `<target>__previous`. Readers see the old table or the new one, never a partial one. An
 * existing target is replaced only with `mayReplace`; otherwise nothing changes and
 * `published` is false (another run or upload took the name meanwhile).
 */
export async function publishShadow(
  sql: SqlClient,
  { schema, shadow, target, mayReplace }: { schema: string; shadow: string; target: string; mayReplace: boolean },
): Promise<{ published: boolean; keptPrevious: boolean }> {
  // Fresh statistics before the swap, outside its lock: the Data page's row estimate and the
  // planner read them, and a table never analyzed has none.
  await sql.unsafe(`analyze ${qualified(schema, shadow)}`);
  return swapTransaction(sql, schema, target, async (tx) => {
    const previous = previousTableName(target);
    const exists = await tableExists(tx, schema, target);
    if (exists && !mayReplace) return { published: false, keptPrevious: false };
    if (exists) {
      await tx.unsafe(`lock table ${qualified(schema, target)} in access exclusive mode`);
      await tx.unsafe(`drop table if exists ${qualified(schema, previous)}`);
      await tx.unsafe(`alter table ${qualified(schema, target)} rename to ${quoteIdent(previous)}`);
    }
    await tx.unsafe(`alter table ${qualified(schema, shadow)} rename to ${quoteIdent(target)}`);
    return { published: true, keptPrevious: exists };
  });
}

/**
 * Puts `<target>__previous` back in place, in one transaction. The version it takes out of
 * place is kept as `<target>__rolled_back`, not dropped. Returns false (and changes nothing)
 * when there is no previous version.
 */
export async function restorePrevious(
  sql: SqlClient,
  { schema, target }: { schema: string; target: string },
): Promise<boolean> {
  return swapTransaction(sql, schema, target, async (tx) => {
    const previous = previousTableName(target);
    if (!(await tableExists(tx, schema, previous))) return false;
    if (await tableExists(tx, schema, target)) {
      const parked = rolledBackTableName(target);
      await tx.unsafe(`lock table ${qualified(schema, target)} in access exclusive mode`);
      await tx.unsafe(`drop table if exists ${qualified(schema, parked)}`);
      await tx.unsafe(`alter table ${qualified(schema, target)} rename to ${quoteIdent(parked)}`);
    }
    await tx.unsafe(`alter table ${qualified(schema, previous)} rename to ${quoteIdent(target)}`);
    return true;
  });
}

export async function dropTable(sql: SqlClient, schema: string, table: string): Promise<void> {
  await sql.begin(async (tx) => {
    await holdRoleGrantsShared(tx);
    await tx.unsafe(`drop table if exists ${qualified(schema, table)}`);
  });
}

/** Drops every shadow table a run left behind in `schema`; returns their names. */
export async function dropShadowTables(sql: SqlClient, schema: string, runId: string): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind = 'r' and c.relname like ${shadowPatternOf(runId)}`;
  for (const { name } of rows) await dropTable(sql, schema, name);
  return rows.map((row) => row.name);
}
