import type { Catalog, CatalogColumn, CatalogTable } from "@/lib/catalog/types";
import type { ColumnRef, Source } from "@/lib/spec/clauses";
import { CodegenError } from "@/lib/codegen/codegen-error";

export type ResolvedColumn = { source: Source; table: CatalogTable; column: CatalogColumn };

/** The spec's sources matched to catalog tables; every column lookup goes through here. */
export type Scope = {
  sources: Source[];
  /** The catalog the sources were matched in: existence checks reach further tables through it. */
  catalog: Catalog;
  table(alias: string): CatalogTable;
  column(ref: ColumnRef): ResolvedColumn;
  /** Resolves an unqualified column name; it must belong to exactly one source. */
  bareColumn(name: string): ResolvedColumn;
};

/** Matches every source against the catalog, throwing `unknown_table` for a missing one. */
export function buildScope(sources: Source[], catalog: Catalog): Scope {
  const tables = new Map<string, { source: Source; table: CatalogTable }>();
  for (const source of sources) {
    const table = catalog.tables.find((t) => t.schema === source.schema && t.name === source.table);
    if (!table) throw new CodegenError("unknown_table", `table ${source.schema}.${source.table} is not in the catalog`);
    tables.set(source.alias, { source, table });
  }
  const entry = (alias: string) => {
    const found = tables.get(alias);
    if (!found) throw new CodegenError("unknown_table", `"${alias}" is not a source of this spec`);
    return found;
  };
  const column = (ref: ColumnRef): ResolvedColumn => {
    const { source, table } = entry(ref.source);
    const col = table.columns.find((c) => c.name === ref.column);
    if (!col)
      throw new CodegenError(
        "unknown_column",
        `column "${ref.column}" does not exist in ${table.schema}.${table.name}`,
      );
    return { source, table, column: col };
  };
  const bareColumn = (name: string): ResolvedColumn => {
    const owners = [...tables.values()].filter((t) => t.table.columns.some((c) => c.name === name));
    if (owners.length === 0) throw new CodegenError("unknown_column", `column "${name}" is not in any source`);
    if (owners.length > 1)
      throw new CodegenError(
        "unknown_column",
        `column "${name}" is ambiguous: qualify it as ${owners.map((o) => `${o.source.alias}.${name}`).join(" or ")}`,
      );
    return column({ source: owners[0].source.alias, column: name });
  };
  return { sources, catalog, table: (alias) => entry(alias).table, column, bareColumn };
}

export type ColumnFamily = "number" | "text" | "date" | "timestamp" | "boolean" | "other";

/** Broad family of a Postgres type name as `format_type` prints it. */
export function columnFamily(dataType: string): ColumnFamily {
  const t = dataType.toLowerCase();
  if (/^(smallint|integer|bigint|numeric|decimal|real|double precision|int\d?|float\d?)/.test(t)) return "number";
  if (/^(text|character|varchar|char|citext|name)/.test(t)) return "text";
  if (t === "date") return "date";
  if (t.startsWith("timestamp")) return "timestamp";
  if (t === "boolean" || t === "bool") return "boolean";
  return "other";
}
