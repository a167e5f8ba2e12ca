import type { Catalog, CatalogTable } from "@/lib/catalog/types";
import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";

export type LatestDatesOptions = {
  /** The longest one table's statement may run (default 2 s): a table that takes longer keeps no latest date. */
  statementTimeoutMs?: number;
  /** When to stop starting new tables (default 10 s in all). */
  timeBudgetMs?: number;
};

const isDateType = (dataType: string) => /^(date|timestamp)/.test(dataType);

/**
 * The latest date in each date or timestamp column ("schema.table.column" → ISO date): what a
 * relative period ("last month", "in the last 90 days") is read against, so that a request
 * reads the same data the same way whatever day it runs. One read-only statement per table
 * (max of each date column), with a time limit; a table that cannot be read in time, or a column
 * with no value, has no entry (the planner then reads the period as of today, and says so).
 */
export async function readLatestDates(
  sql: SqlClient,
  catalog: Catalog,
  options: LatestDatesOptions = {},
): Promise<Record<string, string>> {
  const { statementTimeoutMs = 2_000, timeBudgetMs = 10_000 } = options;
  const deadline = performance.now() + timeBudgetMs;
  const latest: Record<string, string> = {};
  for (const table of catalog.tables) {
    const columns = table.columns.filter((c) => isDateType(c.dataType)).map((c) => c.name);
    if (columns.length === 0) continue;
    if (performance.now() > deadline) break;
    try {
      const [row] = await sql.begin("read only", async (tx) => {
        await tx.unsafe(`set local statement_timeout = ${Math.max(1, Math.floor(statementTimeoutMs))}`);
        return tx.unsafe<Record<string, string | null>[]>(latestStatement(table, columns));
      });
      columns.forEach((column, i) => {
        const value = row?.[`d${i}`];
        if (value) latest[`${table.schema}.${table.name}.${column}`] = value;
      });
    } catch {
      // Too slow or unreadable: relative periods on this table are read as of today.
    }
  }
  return latest;
}

function latestStatement(table: CatalogTable, columns: string[]): string {
  const maxima = columns.map((c, i) => `to_char(max(${quoteIdent(c)}), 'YYYY-MM-DD') as d${i}`).join(", ");
  return `select ${maxima} from ${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
}
