import type { SqlClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type QueryResult = { columns: string[]; rows: Record<string, unknown>[]; truncated: boolean; ms: number };

const MAX_QUERY_LENGTH = 100_000;

const plain = (value: unknown) => (typeof value === "bigint" ? value.toString() : value instanceof Date ? value.toISOString() : value);

/**
 * Runs one query that the database itself keeps read-only: a READ ONLY transaction with a
 * statement timeout, and a cursor, whose extended protocol refuses a second statement (so
 * "select 1; commit; drop …" cannot escape). At most `rowLimit` rows come back.
 */
export async function runReadOnlyQuery(
  sql: SqlClient,
  text: string,
  { rowLimit = 1000, timeoutMs = 15_000 }: { rowLimit?: number; timeoutMs?: number } = {},
): Promise<QueryResult> {
  const query = text.trim();
  if (!query) throw new AppError("bad_request", "Write a query, for example: select * from orders limit 10");
  if (query.length > MAX_QUERY_LENGTH) throw new AppError("bad_request", `The query is too long (${query.length.toLocaleString("en-US")} characters; at most ${MAX_QUERY_LENGTH.toLocaleString("en-US")}).`);
  const started = performance.now();
  try {
    return await sql.begin("read only", async (tx) => {
      await tx.unsafe(`set local statement_timeout = ${Math.floor(timeoutMs)}`);
      let rows: Record<string, unknown>[] = [];
      let columns: string[] = [];
      const cursor = tx.unsafe(query, [], { prepare: false }).cursor(rowLimit + 1);
      for await (const batch of cursor) {
        rows = batch as Record<string, unknown>[];
        columns = (batch as unknown as { columns?: { name: string }[] }).columns?.map((c) => c.name) ?? Object.keys(rows[0] ?? {});
        break;
      }
      const truncated = rows.length > rowLimit;
      const kept = rows.slice(0, rowLimit).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
      return { columns, rows: kept, truncated, ms: Math.round(performance.now() - started) };
    });
  } catch (error) {
    throw explain(error);
  }
}

/** Database errors become messages that say what happened and what to do. */
function explain(error: unknown): AppError {
  const pg = error as { code?: string; message?: string };
  const message = pg.message ?? String(error);
  if (pg.code === "25006") return new AppError("forbidden", "This console is read-only: the database refused to change data. Use a DataMorph run to build tables.");
  if (pg.code === "57014") return new AppError("bad_request", "The query took too long and was cancelled. Add filters or a LIMIT.");
  if (pg.code === "42601" && /multiple commands/.test(message)) return new AppError("bad_request", "Run one statement at a time.");
  if (pg.code) return new AppError("bad_request", message);
  return error instanceof AppError ? error : new AppError("internal", message);
}
