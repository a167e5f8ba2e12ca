/** A column as the warehouse catalog reports it. */
export type CatalogColumn = {
  name: string;
  /** Postgres type name as `format_type` prints it, e.g. `integer`, `numeric(12,2)`, `text`. */
  dataType: string;
  nullable: boolean;
};

export type CatalogForeignKey = {
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
};

/** A table or view the planner may read from. */
export type CatalogTable = {
  schema: string;
  name: string;
  columns: CatalogColumn[];
  primaryKey: string[];
  foreignKeys: CatalogForeignKey[];
  /** Estimated or exact row count, when known. */
  rowCount?: number;
  /** Views have no physical row identity (ctid). */
  isView?: boolean;
};

/** The part of the warehouse visible to a run: every readable source table. */
export type Catalog = { tables: CatalogTable[] };
