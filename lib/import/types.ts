/** Column types the importer infers, narrowest first within each family. */
export type ColumnType = "integer" | "bigint" | "numeric" | "boolean" | "date" | "timestamp" | "timestamptz" | "text";

/** One column of an imported table. */
export type ImportedColumn = { name: string; type: ColumnType };

/** What an import created. */
export type ImportResult = {
  schema: string;
  table: string;
  rows: number;
  columns: ImportedColumn[];
  /** Wall time of the whole import of this table, scan and load. */
  ms: number;
};

/**
 * Progress through one file: each file is read twice, once to infer the column types
 * (`scan`) and once to copy its rows into Postgres (`load`).
 */
export type ImportProgress = {
  file: string;
  phase: "scan" | "load";
  bytesRead: number;
  /** Size of the file; `undefined` for a stream of unknown length. */
  totalBytes?: number;
};

export type OnImportProgress = (progress: ImportProgress) => void;
