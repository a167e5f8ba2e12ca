import { stat } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { TypeInference, typeOfValue, widenType } from "./infer-type";
import { columnNamesFromHeader } from "./names";
import { readCsvBatches } from "./read-csv";
import type { ImportedColumn, OnImportProgress } from "./types";

/** What the first pass over a file learned: its columns with their types, and its row count. */
export type CsvScan = {
  file: string;
  label: string;
  columns: ImportedColumn[];
  rows: number;
  /** Size and modification time, to notice the file changing before the second pass. */
  size: number;
  mtimeMs: number;
};

// A first line whose values fit the types of the columns below it is data, not a header.
function checkHeaderIsNotData(header: string[], columns: ImportedColumn[], label: string): void {
  columns.forEach((column, i) => {
    const own = typeOfValue(header[i]);
    if (column.type !== "text" && own !== "text" && widenType(own, column.type) === column.type) {
      throw new AppError(
        "bad_request",
        `${label} has no header row: its first line holds "${header[i]}" where a name for ${column.type} column ${i + 1} belongs. Add a header row with the column names.`,
      );
    }
  });
}

/**
 * Pass one: reads the whole file once to check it and infer each column's type, without
 * holding its rows in memory.
 */
export async function scanCsv(file: string, label: string, onProgress?: OnImportProgress): Promise<CsvScan> {
  const { size, mtimeMs } = await stat(file);
  const report = (bytesRead: number) => onProgress?.({ file: label, phase: "scan", bytesRead, totalBytes: size });
  let header: string[] | undefined;
  let names: string[] = [];
  let inference: TypeInference[] = [];
  let rows = 0;
  for await (const batch of readCsvBatches(file, label, report)) {
    for (const record of batch) {
      if (!header) {
        names = columnNamesFromHeader(record, label);
        header = record as string[];
        inference = names.map(() => new TypeInference());
        continue;
      }
      for (let i = 0; i < record.length; i++) {
        const value = record[i];
        if (value !== null) inference[i].add(value);
      }
      rows++;
    }
  }
  if (!header)
    throw new AppError("bad_request", `${label} is empty; a CSV file needs a header row with the column names.`);
  const columns = names.map((name, i) => ({ name, type: inference[i].type }));
  checkHeaderIsNotData(header, columns, label);
  return { file, label, columns, rows, size, mtimeMs };
}
