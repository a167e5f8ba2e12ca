import type { SqlClient } from "@/lib/db/client";

/**
 * Frequent values of low-cardinality text columns ("table.column" → values), from the planner
 * statistics Postgres keeps anyway, so words like "shipped" can be linked to `orders.status`
 * without scanning tables.
 */
export async function readSampleValues(sql: SqlClient, schemas: string[]): Promise<Record<string, string[]>> {
  const rows = await sql<{ key: string; vals: string[] }[]>`
    select s.tablename || '.' || s.attname as key, s.most_common_vals::text::text[] as vals
    from pg_stats s
    join pg_attribute a on a.attname = s.attname
      and a.attrelid = to_regclass(quote_ident(s.schemaname) || '.' || quote_ident(s.tablename))
    where s.schemaname = any(${schemas}) and s.most_common_vals is not null
      and (format_type(a.atttypid, a.atttypmod) = 'text' or format_type(a.atttypid, a.atttypmod) like 'character varying%')
      and s.n_distinct between 1 and 50`;
  return Object.fromEntries(rows.map((row) => [row.key, row.vals]));
}
