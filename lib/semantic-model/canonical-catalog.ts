import { createHash } from "node:crypto";
import type { Catalog, CatalogTable } from "@/lib/catalog/types";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byJson = <T>(items: T[]) => [...items].sort((a, b) => compare(JSON.stringify(a), JSON.stringify(b)));

/**
 * The catalog's structure in one fixed order, without what changes while the structure does not
 * (row estimates): tables by schema and name, columns by name, foreign keys by their columns.
 * Whatever order the catalog's rows came back in, the model built from this is the same.
 */
export function canonicalCatalog(catalog: Catalog): Catalog {
  const tables: CatalogTable[] = catalog.tables.map((t) => ({
    schema: t.schema,
    name: t.name,
    columns: [...t.columns]
      .sort((a, b) => compare(a.name, b.name))
      .map((c) => ({ name: c.name, dataType: c.dataType, nullable: c.nullable })),
    primaryKey: [...t.primaryKey],
    foreignKeys: byJson(
      t.foreignKeys.map((fk) => ({
        columns: [...fk.columns],
        refSchema: fk.refSchema,
        refTable: fk.refTable,
        refColumns: [...fk.refColumns],
      })),
    ),
    ...(t.isView ? { isView: true } : {}),
  }));
  return { tables: tables.sort((a, b) => compare(a.schema, b.schema) || compare(a.name, b.name)) };
}

/** A SHA-256 of the catalog's canonical structure: equal catalogs, equal hashes. */
export function hashCatalog(catalog: Catalog): string {
  return createHash("sha256")
    .update(JSON.stringify(canonicalCatalog(catalog)))
    .digest("hex");
}
