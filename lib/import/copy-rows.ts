import { stat } from "node:fs/promises";
import type { TransactionSql } from "postgres";
import { quoteIdent } from "@/lib/db/ident";
import { AppError } from "@/lib/errors";
import { copyFrom } from "./copy-from";
import { readCsvBatches, type CsvRecord } from "./read-csv";
import type { CsvScan } from "./scan-csv";
import type { OnImportProgress } from "./types";

// `\.` alone on a line ends COPY data, so it is quoted like any value CSV needs quoted.
const NEEDS_QUOTES = /[",\r\n]|^\\\.$/;

function encodeField(value: string | null): string {
  if (value === null) return "";
  if (value === "" || NEEDS_QUOTES.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

// Re-encodes what the scan parsed, so Postgres sees exactly the records whose types were inferred.
async function* encodeRows(batches: AsyncIterable<CsvRecord[]>, counter: { rows: number }): AsyncGenerator<string> {
  let header = true;
  for await (const batch of batches) {
    let chunk = "";
    for (const record of batch) {
      if (header) {
        header = false;
        continue;
      }
      chunk += `${record.map(encodeField).join(",")}\n`;
      counter.rows++;
    }
    if (chunk) yield chunk;
  }
}

function toLoadError(error: unknown, label: string): unknown {
  const where = (error as Error & { where?: string }).where;
  const at = where && /line (\d+)(?:, column (\w+))?/.exec(where);
  if (!at) return error;
  // COPY counts the records it was sent, and the header is not sent: its "line 1" is data row 1.
  return new AppError(
    "bad_request",
    `${label} data row ${at[1]}${at[2] ? `, column ${at[2]}` : ""}: ${(error as Error).message}.`,
  );
}

/**
 * Pass two: streams the file's rows into `schema.table` with COPY, inside the caller's
 * transaction. Fails if the file changed since the scan, since the inferred types may no longer hold.
 */
export async function copyRows(
  tx: TransactionSql,
  schema: string,
  table: string,
  scan: CsvScan,
  onProgress?: OnImportProgress,
): Promise<number> {
  const report = (bytesRead: number) =>
    onProgress?.({ file: scan.label, phase: "load", bytesRead, totalBytes: scan.size });
  const columns = scan.columns.map((c) => quoteIdent(c.name)).join(", ");
  const statement = `copy ${quoteIdent(schema)}.${quoteIdent(table)} (${columns}) from stdin with (format csv)`;
  const counter = { rows: 0 };
  try {
    await copyFrom(tx, statement, encodeRows(readCsvBatches(scan.file, scan.label, report), counter));
  } catch (error) {
    throw toLoadError(error, scan.label);
  }
  const now = await stat(scan.file);
  if (counter.rows !== scan.rows || now.size !== scan.size || now.mtimeMs !== scan.mtimeMs) {
    throw new AppError(
      "conflict",
      `${scan.label} changed while it was being imported; nothing was loaded. Import it again.`,
    );
  }
  return counter.rows;
}
