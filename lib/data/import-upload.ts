import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { AppError } from "@/lib/errors";
import { importCsv, type ImportResult } from "@/lib/import";
import { checkIdentifier, tableNameFromFile } from "@/lib/import/names";
import type { CsvUpload } from "./upload";

export type ImportUploadOptions = {
  sql: SqlClient;
  upload: Pick<CsvUpload, "stream" | "name">;
  schema: string;
  table?: string;
  replace: boolean;
  maxBytes: number;
};

/**
 * Imports an uploaded CSV file as a new table, all or nothing. A name clash is reported before
 * the upload is read, in the words of the upload form rather than the command line's.
 */
export async function importUpload({ sql, upload, schema, table, replace, maxBytes }: ImportUploadOptions): Promise<ImportResult> {
  const target = checkIdentifier(table ?? tableNameFromFile(upload.name), "table");
  if (!replace) {
    const [{ exists }] = await sql`select to_regclass(${`${quoteIdent(schema)}.${quoteIdent(target)}`}) is not null as exists`;
    if (exists) throw new AppError("conflict", `${schema}.${target} already exists. Choose another table name, or tick "Replace an existing table".`);
  }
  // The DOM and Node typings describe the same stream class differently.
  const stream = upload.stream as unknown as NodeReadableStream<Uint8Array>;
  return importCsv({ sql, stream, name: upload.name, schema, table: target, replace, maxBytes });
}
