import type { SqlClient } from "@/lib/db/client";
import type { Catalog, CatalogTable } from "./types";

/** Tables the pipeline writes for its own bookkeeping are not sources. */
export const isInternalTableName = (name: string) => name.includes("__shadow_") || name.endsWith("__previous");

type ColumnRow = {
  schema: string;
  table: string;
  column: string;
  data_type: string;
  nullable: boolean;
  /** Null until the table is first analyzed (Postgres then keeps reltuples at -1). */
  estimate: number | null;
  is_view: boolean;
};

type ConstraintRow = {
  schema: string;
  table: string;
  type: "p" | "f";
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[] | null;
};

/**
 * Reads the tables and views of `schemas` that the current role may select from, with columns,
 * primary and foreign keys, and the planner's row estimate (exact counts are the profiler's job;
 * a table never analyzed has none).
 */
export async function readCatalog(sql: SqlClient, schemas: string[]): Promise<Catalog> {
  const columns = await sql<ColumnRow[]>`
    select n.nspname as schema, c.relname as table, a.attname as column,
           format_type(a.atttypid, a.atttypmod) as data_type, not a.attnotnull as nullable,
           case when c.reltuples >= 0 then c.reltuples::float8 end as estimate, c.relkind in ('v', 'm') as is_view
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relkind in ('r', 'p', 'v', 'm') and n.nspname = any(${schemas})
      and has_table_privilege(c.oid, 'select')
    order by n.nspname, c.relname, a.attnum`;
  const constraints = await sql<ConstraintRow[]>`
    select n.nspname as schema, c.relname as table, k.contype as type,
      array(select attname from unnest(k.conkey) with ordinality u(num, ord)
            join pg_attribute on attrelid = k.conrelid and attnum = u.num order by u.ord)::text[] as columns,
      rn.nspname as ref_schema, rc.relname as ref_table,
      case when k.contype = 'f' then array(select attname from unnest(k.confkey) with ordinality u(num, ord)
            join pg_attribute on attrelid = k.confrelid and attnum = u.num order by u.ord)::text[] end as ref_columns
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class rc on rc.oid = k.confrelid
    left join pg_namespace rn on rn.oid = rc.relnamespace
    where k.contype in ('p', 'f') and n.nspname = any(${schemas})
    order by n.nspname, c.relname, k.conname`;

  const tables = new Map<string, CatalogTable>();
  for (const row of columns) {
    if (isInternalTableName(row.table)) continue;
    const key = `${row.schema}.${row.table}`;
    let table = tables.get(key);
    if (!table) {
      table = {
        schema: row.schema,
        name: row.table,
        columns: [],
        primaryKey: [],
        foreignKeys: [],
        ...(row.estimate === null ? {} : { rowCount: Math.round(row.estimate) }),
        ...(row.is_view ? { isView: true } : {}),
      };
      tables.set(key, table);
    }
    table.columns.push({ name: row.column, dataType: row.data_type, nullable: row.nullable });
  }
  for (const row of constraints) {
    const table = tables.get(`${row.schema}.${row.table}`);
    if (!table) continue;
    if (row.type === "p") table.primaryKey = row.columns;
    else if (row.ref_schema && row.ref_table && row.ref_columns) {
      table.foreignKeys.push({
        columns: row.columns,
        refSchema: row.ref_schema,
        refTable: row.ref_table,
        refColumns: row.ref_columns,
      });
    }
  }
  return { tables: [...tables.values()] };
}
