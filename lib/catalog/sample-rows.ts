import type { Catalog } from "@/lib/catalog/types";
import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";

/** Sample rows of source tables, keyed by table ("public.orders"); values as the warehouse returned them. */
export type SampleRows = Record<string, Record<string, unknown>[]>;

const ROWS_PER_TABLE = 5;
// A catalog can be large; the model needs the shape of values, not every table's rows.
const MAX_TABLES = 60;

/**
 * A few rows of each catalog table ("schema.table" → rows) for the model planner, read in one
 * statement inside a read-only transaction. Names come from the catalog and are quoted.
 */
export async function readSampleRows(
  sql: SqlClient,
  catalog: Catalog,
  { timeoutMs = 5_000 } = {},
): Promise<SampleRows> {
  const tables = catalog.tables.slice(0, MAX_TABLES);
  if (tables.length === 0) return {};
  const selects = tables.map((t, i) => {
    const name = `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;
    return `select ${i} as i, (select coalesce(json_agg(r), '[]') from (select * from ${name} limit ${ROWS_PER_TABLE}) r) as rows`;
  });
  const rows = await sql.begin("read only", async (tx) => {
    await tx.unsafe(`set local statement_timeout = ${Math.floor(timeoutMs)}`);
    return tx.unsafe<{ i: number; rows: Record<string, unknown>[] }[]>(selects.join(" union all "));
  });
  return Object.fromEntries(rows.map((r) => [`${tables[r.i].schema}.${tables[r.i].name}`, r.rows]));
}
