import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { SqlClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { importFiles } from "./import-files";
import { tableNameFromFile } from "./names";
import type { ImportResult, OnImportProgress } from "./types";

/**
 * A file on disk, or an upload: a stream with its file name, which names the table unless
 * `table` is given, and an optional size limit.
 */
type CsvInput =
  | { file: string; stream?: never }
  | {
      stream: Readable | WebReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
      name: string;
      maxBytes?: number;
      file?: never;
    };

export type ImportCsvOptions = CsvInput & {
  sql: SqlClient;
  /** Schema of the new table; created when missing. */
  schema: string;
  /** Table name; by default the file name, snake_cased ("Raw Orders.csv" -> raw_orders). */
  table?: string;
  /** Replace an existing table of that name (atomically); without it an existing table is an error. */
  replace?: boolean;
  onProgress?: OnImportProgress;
};

const formatBytes = (bytes: number) =>
  bytes >= 1e6 ? `${Math.round(bytes / 1e6)} MB` : `${Math.round(bytes / 1e3)} kB`;

// Stops an upload at `maxBytes` rather than filling the disk with it.
function limitBytes(name: string, maxBytes: number) {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        return callback(
          new AppError(
            "payload_too_large",
            `${name} is larger than ${formatBytes(maxBytes)}, the most an upload may be.`,
          ),
        );
      callback(null, chunk);
    },
  });
}

async function requireFile(file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new AppError("not_found", `${file} does not exist.`);
  if (!info.isFile()) throw new AppError("bad_request", `${file} is not a file.`);
}

/**
 * Imports one CSV file (or uploaded stream) as a new table, with a header row for column
 * names and column types inferred from every value. The file is read twice and never held in
 * memory; a stream is first spooled to a temporary file for that.
 */
export async function importCsv(options: ImportCsvOptions): Promise<ImportResult> {
  const { sql, schema, replace, onProgress } = options;
  if (options.file !== undefined) {
    await requireFile(options.file);
    const table = options.table ?? tableNameFromFile(options.file);
    const [result] = await importFiles({
      sql,
      schema,
      replace,
      onProgress,
      files: [{ file: options.file, label: path.basename(options.file), table }],
    });
    return result;
  }
  const table = options.table ?? tableNameFromFile(options.name);
  const dir = await mkdtemp(path.join(tmpdir(), "datamorph-import-"));
  try {
    const file = path.join(dir, "upload.csv");
    const source =
      options.stream instanceof Readable ? options.stream : Readable.from(options.stream as AsyncIterable<Uint8Array>);
    await pipeline(
      source,
      limitBytes(options.name, options.maxBytes ?? Number.POSITIVE_INFINITY),
      createWriteStream(file),
    );
    const [result] = await importFiles({
      sql,
      schema,
      replace,
      onProgress,
      files: [{ file, label: path.basename(options.name), table }],
    });
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
