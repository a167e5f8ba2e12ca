import type { Catalog, CatalogColumn } from "@/lib/catalog/types";
import type { Relationship } from "@/lib/semantic-model/model-schema";

/** The catalog's column `column` of `table` ("schema.table"), when the catalog is known. */
export function catalogColumn(catalog: Catalog | undefined, table: string, column: string): CatalogColumn | undefined {
  return catalog?.tables.find((t) => `${t.schema}.${t.name}` === table)?.columns.find((c) => c.name === column);
}

/** Whether the relationship is said with `verb` ("report" for "report to"), the first word of one of its verbs. */
export const saidWith = (r: Relationship, verb: string | undefined) =>
  r.verbs.some((v) => v.phrase.split(" ")[0] === verb);
