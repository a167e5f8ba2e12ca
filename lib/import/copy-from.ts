import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TransactionSql } from "postgres";

/**
 * Runs a `copy ... from stdin` statement fed by `source`, and settles once Postgres has taken
 * or refused the data: the caller's transaction then commits or rolls back as usual.
 */
export async function copyFrom(tx: TransactionSql, statement: string, source: AsyncIterable<string>): Promise<void> {
  const query = tx.unsafe(statement);
  // postgres.js 3.4 never settles the writable when Postgres refuses the data after the last
  // chunk was sent (porsager/postgres#1173): the pipeline would hang inside the transaction and
  // the error would be lost. The error still reaches the query's own reject, so listen there.
  const refused = new Promise<never>((_, reject) => {
    const internal = query as unknown as { reject: (error: unknown) => void };
    const settle = internal.reject;
    internal.reject = (error) => {
      reject(error);
      settle(error);
    };
  });
  refused.catch(() => {});
  const writable = await query.writable();
  await Promise.race([pipeline(Readable.from(source), writable), refused]);
}
