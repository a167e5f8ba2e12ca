import type { CatalogColumn, CatalogTable } from "@/lib/catalog/types";
import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { AppError } from "@/lib/errors";
import { findTable, readDataCatalog } from "./catalog";

/** Up to this many rows are counted exactly; bigger tables show the planner's estimate. */
export const EXACT_COUNT_LIMIT = 1_000_000;
export const MAX_PAGE_SIZE = 500;

/** One page of a table, values as Postgres prints them (`null` for NULL). */
export type TableRows = {
  schema: string;
  table: string;
  columns: CatalogColumn[];
  primaryKey: string[];
  rows: Record<string, string | null>[];
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  /** False when the table holds at least EXACT_COUNT_LIMIT rows and `total` is an estimate. */
  totalExact: boolean;
  /** The columns rows are sorted by, so the user can tell why a page holds what it holds. */
  orderedBy: string[];
};

export type ReadTableRowsOptions = {
  sql: SqlClient;
  /** Schemas whose tables may be read; a table elsewhere is not found. */
  schemas: string[];
  table: string;
  schema?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
  timeoutMs?: number;
};

// Types without a btree ordering cannot appear in ORDER BY.
const UNORDERABLE = /^(json|xml|point|line|lseg|box|path|polygon|circle)\b/;
const orderable = (column: CatalogColumn) => !UNORDERABLE.test(column.dataType) && !column.dataType.endsWith("[]");

// Paging with OFFSET is only stable under a total order: the primary key when there is one,
// otherwise the first column with ctid to break ties (a view has no ctid, so every orderable
// column stands in for it). Columns are qualified by the table alias `t` because the select list
// reuses their names for text casts, which would otherwise sort as text ("10" before "9").
function orderFor(table: CatalogTable): { sql: string; names: string[] } {
  const qualify = (names: string[]) => names.map((name) => `t.${quoteIdent(name)}`);
  if (table.primaryKey.length > 0) return { sql: qualify(table.primaryKey).join(", "), names: table.primaryKey };
  const sortable = table.columns.filter(orderable).map((c) => c.name);
  if (table.isView) return { sql: qualify(sortable).join(", "), names: sortable };
  const first = sortable[0] === table.columns[0]?.name ? [sortable[0]] : [];
  return { sql: [...qualify(first), "t.ctid"].join(", "), names: first };
}

/**
 * Reads one page of a catalog table in a read-only transaction, with the total row count
 * (exact below EXACT_COUNT_LIMIT rows, else the planner's estimate). Unknown tables, including
 * any name that is not literally a table in `schemas`, are an AppError `not_found`.
 */
export async function readTableRows({
  sql,
  schemas,
  table: name,
  schema,
  page,
  pageSize,
  timeoutMs = 15_000,
}: ReadTableRowsOptions): Promise<TableRows> {
  if (!Number.isInteger(page) || page < 1) throw new AppError("bad_request", "The page must be a whole number from 1.");
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new AppError("bad_request", `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  const table = findTable(await readDataCatalog(sql, schemas), name, schema);
  const target = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
  const order = orderFor(table);
  // Text casts show values exactly as Postgres prints them: a date stays a date in every time zone.
  const select = table.columns.map((c) => `t.${quoteIdent(c.name)}::text as ${quoteIdent(c.name)}`).join(", ");
  return sql.begin("read only", async (tx) => {
    await tx.unsafe(`set local statement_timeout = ${Math.floor(timeoutMs)}`);
    const [{ n }] = await tx.unsafe(
      `select count(*)::int as n from (select from ${target} limit ${EXACT_COUNT_LIMIT}) bounded`,
    );
    const totalExact = n < EXACT_COUNT_LIMIT;
    const total = totalExact ? n : Math.max(n, table.rowCount ?? 0);
    const orderBy = order.sql ? `order by ${order.sql}` : "";
    const rows = await tx.unsafe(`select ${select} from ${target} t ${orderBy} limit $1 offset $2`, [
      pageSize,
      (page - 1) * pageSize,
    ]);
    return {
      schema: table.schema,
      table: table.name,
      columns: table.columns,
      primaryKey: table.primaryKey,
      rows: [...rows] as Record<string, string | null>[],
      page,
      pageSize,
      pageCount: Math.max(1, Math.ceil(total / pageSize)),
      total,
      totalExact,
      orderedBy: order.names,
    };
  });
}
