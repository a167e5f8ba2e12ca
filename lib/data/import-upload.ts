import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { Database, SqlClient } from "@/lib/db/client";
import { recordUpload } from "@/lib/db/queries/tables";
import { importCsv, type ImportResult } from "@/lib/import";
import { checkIdentifier, tableNameFromFile } from "@/lib/import/names";
import type { Actor } from "@/lib/tables/actor";
import { checkUploadTarget } from "@/lib/tables/upload-target";
import type { CsvUpload } from "./upload";

export type ImportUploadOptions = {
  sql: SqlClient;
  /** Where uploads are recorded (default: the app's database). */
  db?: Database;
  user: Actor;
  upload: Pick<CsvUpload, "stream" | "name">;
  schema: string;
  table?: string;
  replace: boolean;
  maxBytes: number;
};

/**
 * Imports an uploaded CSV file as a new table, all or nothing, and records who uploaded it. A
 * name clash, or a replace the rules refuse (`checkUploadTarget`), is reported before the
 * upload is read. A replaced upload is kept as `<table>__previous`.
 */
export async function importUpload({
  sql,
  db,
  user,
  upload,
  schema,
  table,
  replace,
  maxBytes,
}: ImportUploadOptions): Promise<ImportResult> {
  const target = checkIdentifier(table ?? tableNameFromFile(upload.name), "table");
  const { replacing } = await checkUploadTarget({ sql, db, schema, table: target, user, replace });
  // The DOM and Node typings describe the same stream class differently.
  const stream = upload.stream as unknown as NodeReadableStream<Uint8Array>;
  const result = await importCsv({
    sql,
    stream,
    name: upload.name,
    schema,
    table: target,
    replace: replacing !== null,
    maxBytes,
  });
  await recordUpload({
    db,
    userId: user.id,
    schema,
    table: target,
    fileName: upload.name,
    rowCount: result.rows,
    keptPrevious: replacing !== null,
  });
  return result;
}
