import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { logError } from "@/lib/log/safe-log";
import { qualified } from "@/lib/warehouse/tables";
import { csvRecord } from "./csv";
import { orderBySql, type SortKey } from "./result-order";

// Rows fetched from the cursor per step: memory stays flat however large the table.
const BATCH = 500;

/**
 * The records of a table as CSV: a header of its column names, then every row in `order`,
 * each value as Postgres prints it (exact numerics, ISO dates), NULL as an empty field. One
 * read-only transaction on a connection of its own, fetched through a cursor as the reader
 * takes the bytes, so the file is one snapshot and a large table never sits in memory.
 */
export async function* tableCsvRecords(
  sql: SqlClient,
  { schema, table, columns, order }: { schema: string; table: string; columns: string[]; order: SortKey[] },
): AsyncGenerator<string> {
  const select = columns.map((c, i) => `t.${quoteIdent(c)}::text as c${i}`).join(", ");
  const query = `select ${select} from ${qualified(schema, table)} t ${orderBySql(order, "t")}`;
  const connection = await sql.reserve();
  try {
    await connection.unsafe("begin transaction read only");
    yield csvRecord(columns);
    for await (const rows of connection.unsafe(query).cursor(BATCH)) {
      yield rows.map((row) => csvRecord(columns.map((_, i) => (row[`c${i}`] as string | null) ?? null))).join("");
    }
  } finally {
    await connection.unsafe("rollback").catch(() => undefined);
    connection.release();
  }
}

/** A byte stream of `records` that reads the next one only when the client is ready for it. */
export function csvStream(records: AsyncGenerator<string>, context: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // A client that goes away mid-read cancels the stream while a read may still be pending.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await records.next();
        if (cancelled) return;
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        if (cancelled) return;
        logError(context, error);
        controller.error(error);
      }
    },
    async cancel() {
      cancelled = true;
      await records.return(undefined);
    },
  });
}
