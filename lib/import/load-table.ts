import { randomBytes } from "node:crypto";
import { holdRoleGrantsShared } from "@/lib/db/roles";
import type { TransactionSql } from "postgres";
import type { SqlExecutor } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { AppError } from "@/lib/errors";
import { previousTableName } from "@/lib/warehouse/names";
import { copyRows } from "./copy-rows";
import type { CsvScan } from "./scan-csv";
import type { OnImportProgress } from "./types";

const qualified = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;

/** Refuses to touch tables that exist unless the caller asked to replace them; returns which exist. */
export async function checkTargetsFree(
  sql: SqlExecutor,
  schema: string,
  tables: string[],
  replace: boolean,
): Promise<Set<string>> {
  const names = tables.map((t) => qualified(schema, t));
  const rows =
    await sql`select t.name from unnest(${names}::text[], ${tables}::text[]) as t(qualified, name) where to_regclass(t.qualified) is not null`;
  const existing = new Set(rows.map((r) => r.name as string));
  if (existing.size > 0 && !replace) {
    const list = [...existing].map((t) => `${schema}.${t}`);
    const subject =
      list.length === 1
        ? `${list[0]} already exists`
        : `${list.slice(0, -1).join(", ")} and ${list.at(-1)} already exist`;
    throw new AppError("conflict", `${subject}; use --replace to replace ${list.length === 1 ? "it" : "them"}.`);
  }
  return existing;
}

// Replacing loads beside the old table and swaps at the end, so readers of the old one are
// not blocked for the whole load.
function stagingName(table: string): string {
  const suffix = `__import_${randomBytes(4).toString("hex")}`;
  return `${table.slice(0, 63 - suffix.length)}${suffix}`;
}

const cannotReplace = (schema: string, table: string) => (error: Error & { detail?: string }) => {
  throw new AppError(
    "conflict",
    `Cannot replace ${schema}.${table}: ${error.message}${error.detail ? ` (${error.detail.replaceAll("\n", "; ")})` : ""}.`,
  );
};

// Thrown to undo a trial drop; never leaves this file.
const TRIAL = Symbol("trial drop");

/**
 * Moves the replaced table aside as `<table>__previous` (dropping an older one), so a replace
 * can be undone. A table that views depend on is refused, as a drop would refuse it: a renamed
 * table would silently take its views along to the old version.
 */
async function keepAsPrevious(tx: TransactionSql, schema: string, table: string): Promise<void> {
  await tx
    .savepoint(async (trial) => {
      await trial.unsafe(`drop table ${qualified(schema, table)}`);
      throw TRIAL;
    })
    .catch((error: unknown) => {
      if (error !== TRIAL) cannotReplace(schema, table)(error as Error);
    });
  const previous = previousTableName(table);
  await tx.unsafe(`drop table if exists ${qualified(schema, previous)}`).catch(cannotReplace(schema, table));
  await tx.unsafe(`alter table ${qualified(schema, table)} rename to ${quoteIdent(previous)}`);
}

/**
 * Creates `schema.table` from a scanned file and fills it, inside the caller's transaction:
 * a failure anywhere leaves no table and an old table untouched. A replaced table is kept as
 * `<table>__previous`. Analyzes it so the planner's
 * row estimates and column statistics are right from the start.
 */
export async function loadTable(
  tx: TransactionSql,
  {
    schema,
    table,
    scan,
    replace,
    onProgress,
  }: { schema: string; table: string; scan: CsvScan; replace: boolean; onProgress?: OnImportProgress },
): Promise<number> {
  await holdRoleGrantsShared(tx);
  const [{ missing }] = await tx`select to_regnamespace(${quoteIdent(schema)}) is null as missing`;
  if (missing) await tx.unsafe(`create schema ${quoteIdent(schema)}`);
  const exists = (await checkTargetsFree(tx, schema, [table], replace)).has(table);
  const target = exists ? stagingName(table) : table;
  const columns = scan.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ");
  await tx.unsafe(`create table ${qualified(schema, target)} (${columns})`);
  const rows = await copyRows(tx, schema, target, scan, onProgress);
  if (exists) await keepAsPrevious(tx, schema, table);
  if (exists) await tx.unsafe(`alter table ${qualified(schema, target)} rename to ${quoteIdent(table)}`);
  await tx.unsafe(`analyze ${qualified(schema, table)}`);
  return rows;
}
