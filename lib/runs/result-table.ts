import type { SqlExecutor } from "@/lib/db/client";

export type ResultColumn = { name: string; type: string };

/** The columns of a published table with their Postgres types, in table order; null when it is gone. */
export async function describeResultTable(
  sql: SqlExecutor,
  { schema, table }: { schema: string; table: string },
): Promise<ResultColumn[] | null> {
  const rows = await sql<{ name: string; type: string }[]>`
    select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relname = ${table} and a.attnum > 0 and not a.attisdropped
    order by a.attnum`;
  return rows.length > 0 ? rows.map((r) => ({ name: r.name, type: r.type })) : null;
}
