import type { SqlClient } from "@/lib/db/client";
import { runReadOnlyQuery } from "@/lib/query/read-only";
import { qualified, tableExists } from "@/lib/warehouse/tables";
import type { ResultSample } from "./types";

/** More columns than this would shrink every cell below a readable width on A4. */
const MAX_COLUMNS = 8;
/** Longer values are cut here already; the document cuts them again to its column width. */
const MAX_VALUE_LENGTH = 200;

function asText(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * The first `limit` rows of a published table, read in a read-only transaction. The table is
 * read as it is now, so a later run or a rollback of the same target shows here too.
 */
export async function readResultSample(
  sql: SqlClient,
  { schema, table, limit = 20 }: { schema: string; table: string; limit?: number },
): Promise<{ sample: ResultSample | null; note: string | null }> {
  if (!(await tableExists(sql, schema, table))) return { sample: null, note: `${schema}.${table} no longer exists.` };
  const result = await runReadOnlyQuery(sql, `select * from ${qualified(schema, table)} limit ${Math.floor(limit)}`, {
    rowLimit: limit,
  });
  const shown = result.columns.slice(0, MAX_COLUMNS);
  return {
    sample: {
      columns: shown,
      hiddenColumns: result.columns.slice(MAX_COLUMNS),
      rows: result.rows.map((row) => shown.map((column) => asText(row[column]))),
    },
    note: null,
  };
}
