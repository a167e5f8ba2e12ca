import { randomBytes } from "node:crypto";
import type { TransactionSql } from "postgres";
import type { SqlExecutor } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { AppError } from "@/lib/errors";
import { copyRows } from "./copy-rows";
import type { CsvScan } from "./scan-csv";
import type { OnImportProgress } from "./types";

const qualified = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;

/** Refuses to touch a table that exists unless the caller asked to replace it. */
export async function checkTargetFree(sql: SqlExecutor, schema: string, table: string, replace: boolean): Promise<boolean> {
  const [{ exists }] = await sql`select to_regclass(${qualified(schema, table)}) is not null as exists`;
  if (exists && !replace) throw new AppError("conflict", `${schema}.${table} already exists; use --replace to replace it.`);
  return exists;
}

// Replacing loads beside the old table and swaps at the end, so readers of the old one are
// not blocked for the whole load.
function stagingName(table: string): string {
  const suffix = `__import_${randomBytes(4).toString("hex")}`;
  return `${table.slice(0, 63 - suffix.length)}${suffix}`;
}

/**
 * Creates `schema.table` from a scanned file and fills it, inside the caller's transaction:
 * a failure anywhere leaves no table and an old table untouched. Analyzes it so the planner's
 * row estimates and column statistics are right from the start.
 */
export async function loadTable(
  tx: TransactionSql,
  { schema, table, scan, replace, onProgress }: { schema: string; table: string; scan: CsvScan; replace: boolean; onProgress?: OnImportProgress },
): Promise<number> {
  const [{ missing }] = await tx`select to_regnamespace(${quoteIdent(schema)}) is null as missing`;
  if (missing) await tx.unsafe(`create schema ${quoteIdent(schema)}`);
  const exists = await checkTargetFree(tx, schema, table, replace);
  const target = exists ? stagingName(table) : table;
  const columns = scan.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ");
  await tx.unsafe(`create table ${qualified(schema, target)} (${columns})`);
  const rows = await copyRows(tx, schema, target, scan, onProgress);
  if (exists) {
    await tx.unsafe(`drop table ${qualified(schema, table)}`).catch((error: Error & { detail?: string }) => {
      throw new AppError("conflict", `Cannot replace ${schema}.${table}: ${error.message}${error.detail ? ` (${error.detail.replaceAll("\n", "; ")})` : ""}.`);
    });
    await tx.unsafe(`alter table ${qualified(schema, target)} rename to ${quoteIdent(table)}`);
  }
  await tx.unsafe(`analyze ${qualified(schema, table)}`);
  return rows;
}
