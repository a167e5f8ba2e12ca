import type { SqlClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { checkTargetsFree, loadTable } from "./load-table";
import { checkIdentifier } from "./names";
import { scanCsv, type CsvScan } from "./scan-csv";
import type { ImportResult, OnImportProgress } from "./types";

/** A CSV file to import, the name to use for it in messages, and its table. */
export type FileToImport = { file: string; label: string; table: string };

export type ImportFilesOptions = {
  sql: SqlClient;
  files: FileToImport[];
  schema: string;
  replace?: boolean;
  /** Asked with the existing tables a replace would replace, before any file is read; throws to refuse. */
  beforeReplace?: (tables: string[]) => Promise<void>;
  onProgress?: OnImportProgress;
};

/**
 * Imports files as tables, all or nothing: every file is checked and scanned first, then all
 * tables are created and filled in one transaction.
 */
export async function importFiles({
  sql,
  files,
  schema,
  replace = false,
  beforeReplace,
  onProgress,
}: ImportFilesOptions): Promise<ImportResult[]> {
  checkIdentifier(schema, "schema");
  const seen = new Map<string, string>();
  for (const { label, table } of files) {
    checkIdentifier(table, "table");
    const other = seen.get(table);
    if (other)
      throw new AppError("bad_request", `${other} and ${label} would both become table ${table}; rename one of them.`);
    seen.set(table, label);
  }
  // Fail fast, before reading a large file, when the answer is already known.
  const existing = await checkTargetsFree(
    sql,
    schema,
    files.map((f) => f.table),
    replace,
  );
  if (existing.size > 0) await beforeReplace?.([...existing]);

  const scans: { scan: CsvScan; table: string; ms: number }[] = [];
  for (const { file, label, table } of files) {
    const started = performance.now();
    scans.push({ scan: await scanCsv(file, label, onProgress), table, ms: performance.now() - started });
  }
  return sql.begin(async (tx) => {
    const results: ImportResult[] = [];
    for (const { scan, table, ms } of scans) {
      const started = performance.now();
      const rows = await loadTable(tx, { schema, table, scan, replace, onProgress });
      results.push({ schema, table, rows, columns: scan.columns, ms: Math.round(ms + performance.now() - started) });
    }
    return results;
  });
}
