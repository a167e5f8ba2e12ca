import type { SqlClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { leadingKeyword } from "./leading-keyword";

export type QueryResult = { columns: string[]; rows: Record<string, unknown>[]; truncated: boolean; ms: number };

export type ReadOnlyLimits = {
  rowLimit?: number;
  timeoutMs?: number;
  /** The most bytes of cell text an answer may hold; past it the rows stop and `truncated` is set. */
  byteLimit?: number;
};

const MAX_QUERY_LENGTH = 100_000;
/** How long a console query may run before the database cancels it. */
export const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_BYTE_LIMIT = 2 * 1024 * 1024;
// Rows come in batches, so a huge result is never held whole: the byte cap stops it early.
const BATCH_ROWS = 200;

const plain = (value: unknown) =>
  typeof value === "bigint" ? value.toString() : value instanceof Date ? value.toISOString() : value;

function bytesOf(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === "string") return Buffer.byteLength(value);
  if (value instanceof Uint8Array) return value.byteLength * 2;
  if (typeof value === "object") return JSON.stringify(value)?.length ?? 4;
  return String(value).length;
}

/**
 * Runs one query that the database itself keeps read-only: a READ ONLY transaction with a
 * transaction-local statement timeout, and a cursor, whose extended protocol refuses a second
 * statement (so "select 1; commit; drop …" cannot escape). At most `rowLimit` rows and about
 * `byteLimit` bytes come back. COPY is refused before it runs: it streams rows outside a
 * result, which a cursor never reads, so it would hold the connection until the client gave up.
 */
export async function runReadOnlyQuery(
  sql: SqlClient,
  text: string,
  { rowLimit = 1000, timeoutMs = DEFAULT_TIMEOUT_MS, byteLimit = DEFAULT_BYTE_LIMIT }: ReadOnlyLimits = {},
): Promise<QueryResult> {
  const query = text.trim();
  if (!query) throw new AppError("bad_request", "Write a query, for example: select * from orders limit 10");
  if (query.length > MAX_QUERY_LENGTH)
    throw new AppError(
      "bad_request",
      `The query is too long (${query.length.toLocaleString("en-US")} characters; at most ${MAX_QUERY_LENGTH.toLocaleString("en-US")}).`,
    );
  if (leadingKeyword(query) === "copy")
    throw new AppError(
      "bad_request",
      "COPY streams rows outside a query result, so the console does not run it; write select * from … instead.",
    );
  const started = performance.now();
  try {
    return await sql.begin("read only", async (tx) => {
      // A SELECT, unlike SET, takes the transaction's snapshot: after it, "set transaction read write" is refused.
      await tx`select set_config('statement_timeout', ${String(Math.floor(timeoutMs))}, true)`;
      const rows: Record<string, unknown>[] = [];
      let columns: string[] = [];
      let bytes = 0;
      let truncated = false;
      const cursor = tx.unsafe(query, [], { prepare: false }).cursor(Math.min(BATCH_ROWS, rowLimit + 1));
      read: for await (const batch of cursor) {
        columns =
          (batch as unknown as { columns?: { name: string }[] }).columns?.map((c) => c.name) ??
          Object.keys(batch[0] ?? {});
        for (const row of batch as Record<string, unknown>[]) {
          if (rows.length === rowLimit) {
            truncated = true;
            break read;
          }
          const kept = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)]));
          bytes += Object.values(kept).reduce<number>((sum, v) => sum + bytesOf(v), 0);
          if (bytes > byteLimit) {
            truncated = true;
            if (rows.length === 0)
              throw new AppError(
                "payload_too_large",
                `The first row alone is larger than ${Math.round(byteLimit / 1024 / 1024)} MB; select fewer or shorter columns (e.g. left(column, 1000)).`,
              );
            break read;
          }
          rows.push(kept);
        }
      }
      return { columns, rows, truncated, ms: Math.round(performance.now() - started) };
    });
  } catch (error) {
    throw explain(error);
  }
}

/** Database errors become messages that say what happened and what to do. */
function explain(error: unknown): AppError {
  const pg = error as { code?: string; message?: string };
  const message = pg.message ?? String(error);
  if (pg.code === "25006" || pg.code === "25001")
    return new AppError(
      "forbidden",
      "This console is read-only: the database refused to change data. Use a DataMorph run to build tables.",
    );
  if (pg.code === "57014")
    return new AppError("bad_request", "The query took too long and was cancelled. Add filters or a LIMIT.");
  if (pg.code === "42601" && /multiple commands/.test(message))
    return new AppError("bad_request", "Run one statement at a time.");
  if (pg.code === "42501")
    return new AppError(
      "forbidden",
      `${message}. The console reads the warehouse's tables only; DataMorph's own tables, server files and settings are out of its reach.`,
    );
  if (pg.code) return new AppError("bad_request", message);
  return error instanceof AppError ? error : new AppError("internal", message);
}
