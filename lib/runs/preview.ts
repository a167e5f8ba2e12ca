import type { SqlClient } from "@/lib/db/client";
import { qualified, tableExists } from "@/lib/warehouse/tables";
import { orderBySql, type SortKey } from "./result-order";

export const PREVIEW_PAGE_SIZE = 100;

export type Preview = { columns: string[]; rows: Record<string, unknown>[]; page: number; total: number };

const plain = (value: unknown) => (typeof value === "bigint" ? value.toString() : value instanceof Date ? value.toISOString() : value);

/**
 * A page of a published table, read-only, in `order` (keys checked against the table's columns),
 * by default in the order of its first column.
 */
export async function previewTable(sql: SqlClient, { schema, table, page, order }: { schema: string; table: string; page: number; order?: SortKey[] }): Promise<Preview | null> {
  return sql.begin("read only", async (tx) => {
    if (!(await tableExists(tx, schema, table))) return null;
    const name = qualified(schema, table);
    const [{ total }] = await tx.unsafe(`select count(*)::int as total from ${name}`);
    const safePage = Math.max(0, Math.min(page, Math.floor(Math.max(0, total - 1) / PREVIEW_PAGE_SIZE)));
    const rows = await tx.unsafe(`select * from ${name} ${order && order.length > 0 ? orderBySql(order) : "order by 1"} limit ${PREVIEW_PAGE_SIZE} offset ${safePage * PREVIEW_PAGE_SIZE}`);
    const columns = (rows as unknown as { columns: { name: string }[] }).columns.map((c) => c.name);
    return { columns, rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))), page: safePage, total };
  });
}
