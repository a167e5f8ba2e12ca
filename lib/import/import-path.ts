import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { SqlClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { importFiles } from "./import-files";
import { tableNameFromFile } from "./names";
import type { ImportResult, OnImportProgress } from "./types";

export type ImportPathOptions = {
  sql: SqlClient;
  /** A CSV file, or a directory whose `*.csv` files each become a table. */
  path: string;
  schema: string;
  /** Table name for a single file; a directory's tables are named after their files. */
  table?: string;
  replace?: boolean;
  /** Asked with the existing tables a replace would replace, before any file is read; throws to refuse. */
  beforeReplace?: (tables: string[]) => Promise<void>;
  onProgress?: OnImportProgress;
};

/**
 * Imports a CSV file, or every `*.csv` file of a directory, as tables named after the files.
 * A directory loads all or nothing. Other files in it are ignored: in particular a
 * `schema.sql` next to the data is never executed.
 */
export async function importPath({
  sql,
  path: target,
  schema,
  table,
  replace,
  beforeReplace,
  onProgress,
}: ImportPathOptions): Promise<ImportResult[]> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new AppError("not_found", `${target} does not exist.`);
  if (info.isFile()) {
    const files = [{ file: target, label: path.basename(target), table: table ?? tableNameFromFile(target) }];
    return importFiles({ sql, files, schema, replace, beforeReplace, onProgress });
  }
  if (!info.isDirectory()) throw new AppError("bad_request", `${target} is neither a file nor a directory.`);
  if (table !== undefined)
    throw new AppError(
      "bad_request",
      `A table name can only be given for a single file; ${target} is a directory, whose files each become a table.`,
    );
  const entries = await readdir(target, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && /\.csv$/i.test(e.name))
    .map((e) => e.name)
    .sort();
  if (names.length === 0) throw new AppError("bad_request", `${target} has no .csv files.`);
  const files = names.map((name) => ({ file: path.join(target, name), label: name, table: tableNameFromFile(name) }));
  return importFiles({ sql, files, schema, replace, beforeReplace, onProgress });
}
