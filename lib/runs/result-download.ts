import type { SqlClient } from "@/lib/db/client";
import type { Run } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { PublishState } from "@/lib/tables/publish-state";
import { csvFileName } from "./csv";
import { csvStream, tableCsvRecords } from "./result-csv";
import { resultOrder, type SortKey } from "./result-order";
import { describeResultTable } from "./result-table";

const notCurrent: Record<Exclude<PublishState["kind"], "current">, string> = {
  none: "This run published no table, so there is nothing to download.",
  "rolled-back": "This run's table was rolled back; there is nothing of it left to download.",
  replaced: "A later run replaced this run's table; download that run's result instead.",
};

/**
 * A run's published table as a CSV download, in the order the run page shows it (`requested`,
 * else the spec's ORDER BY). Only while the table is still this run's own version.
 */
export async function runResultCsv({
  run,
  published,
  spec,
  reader,
  requested,
}: {
  run: Run;
  published: PublishState;
  spec: EtlSpec | null;
  reader: SqlClient;
  requested: SortKey | null;
}): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  if (published.kind !== "current") throw new AppError("conflict", notCurrent[published.kind]);
  const schema = run.targetSchema!;
  const table = run.targetTable!;
  const columns = await describeResultTable(reader, { schema, table });
  if (!columns) throw new AppError("not_found", `The table ${schema}.${table} no longer exists.`);
  const names = columns.map((c) => c.name);
  const order = resultOrder({ spec, columns: names, requested });
  return {
    filename: csvFileName(table),
    body: csvStream(tableCsvRecords(reader, { schema, table, columns: names, order }), `CSV of run ${run.id}`),
  };
}
