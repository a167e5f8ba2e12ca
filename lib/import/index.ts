export { importCsv, type ImportCsvOptions } from "./import-csv";
export { importPath, type ImportPathOptions } from "./import-path";
export type { ColumnType, ImportedColumn, ImportProgress, ImportResult, OnImportProgress } from "./types";
