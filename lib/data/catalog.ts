import { readCatalog } from "@/lib/catalog/read-catalog";
import type { Catalog, CatalogTable } from "@/lib/catalog/types";
import type { SqlClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** The schemas the Data page shows: the source schemas, then the target schema if it is another one. */
export function dataSchemas({
  sourceSchemas,
  targetSchema,
}: {
  sourceSchemas: string[];
  targetSchema: string;
}): string[] {
  return [...new Set([...sourceSchemas, targetSchema])];
}

/** The readable tables and views of `schemas`, in schema order then by name. */
export async function readDataCatalog(sql: SqlClient, schemas: string[]): Promise<Catalog> {
  const catalog = await readCatalog(sql, schemas);
  const rank = (table: CatalogTable) => schemas.indexOf(table.schema);
  return { tables: catalog.tables.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)) };
}

/**
 * The catalog entry for a table a user named. Names are only ever matched against the catalog,
 * never used as SQL, so anything that is not a readable table in `schemas` is simply not found.
 * Without `schema`, the first schema holding a table of that name wins.
 */
export function findTable(catalog: Catalog, name: string, schema?: string): CatalogTable {
  const table = catalog.tables.find((t) => t.name === name && (schema === undefined || t.schema === schema));
  if (!table)
    throw new AppError(
      "not_found",
      `There is no table "${schema ? `${schema}.` : ""}${name}" to show. Pick one from the Data page.`,
    );
  return table;
}
