import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { qualified, tableExists } from "@/lib/warehouse/tables";
import { orderBySql, type SortKey } from "./result-order";
import type { ResultColumn } from "./result-table";

export const PREVIEW_PAGE_SIZE = 100;

export type Preview = { columns: string[]; rows: Record<string, unknown>[]; page: number; total: number };

const plain = (value: unknown) =>
  typeof value === "bigint" ? value.toString() : value instanceof Date ? value.toISOString() : value;

// Dates and times read as Postgres prints them (`2024-01-01`), not as a JavaScript instant
// shifted into the server's time zone.
const TEMPORAL = /^(date|timestamp|time)\b/;

/** The select list: every column, a date or time as its text when the columns' types are known. */
function selectList(columns?: ResultColumn[]): string {
  if (!columns?.some((c) => TEMPORAL.test(c.type))) return "*";
  return columns
    .map((c) =>
      TEMPORAL.test(c.type) ? `t.${quoteIdent(c.name)}::text as ${quoteIdent(c.name)}` : `t.${quoteIdent(c.name)}`,
    )
    .join(", ");
}

/**
 * A page of a published table, read-only, in `order` (keys checked against the table's columns),
 * by default in the order of its first column.
 */
export async function previewTable(
  sql: SqlClient,
  {
    schema,
    table,
    page,
    order,
    columns: types,
  }: { schema: string; table: string; page: number; order?: SortKey[]; columns?: ResultColumn[] },
): Promise<Preview | null> {
  return sql.begin("read only", async (tx) => {
    if (!(await tableExists(tx, schema, table))) return null;
    const name = qualified(schema, table);
    const [{ total }] = await tx.unsafe(`select count(*)::int as total from ${name}`);
    const safePage = Math.max(0, Math.min(page, Math.floor(Math.max(0, total - 1) / PREVIEW_PAGE_SIZE)));
    const rows = await tx.unsafe(
      `select ${selectList(types)} from ${name} t ${order && order.length > 0 ? orderBySql(order, "t") : "order by 1"} limit ${PREVIEW_PAGE_SIZE} offset ${safePage * PREVIEW_PAGE_SIZE}`,
    );
    const columns = (rows as unknown as { columns: { name: string }[] }).columns.map((c) => c.name);
    return {
      columns,
      rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))),
      page: safePage,
      total,
    };
  });
}
