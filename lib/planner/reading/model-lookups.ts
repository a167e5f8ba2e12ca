import type { Catalog, CatalogColumn } from "@/lib/catalog/types";
import type { Entity, Relationship, SemanticModel } from "@/lib/semantic-model/model-schema";

/** The catalog's column `column` of `table` ("schema.table"), when the catalog is known. */
export function catalogColumn(catalog: Catalog | undefined, table: string, column: string): CatalogColumn | undefined {
  return catalog?.tables.find((t) => `${t.schema}.${t.name}` === table)?.columns.find((c) => c.name === column);
}

/** Whether the relationship is said with `verb` ("report" for "report to"), the first word of one of its verbs. */
export const saidWith = (r: Relationship, verb: string | undefined) =>
  r.verbs.some((v) => v.phrase.split(" ")[0] === verb);

/**
 * The one foreign key of `fact` to `entity`'s single-column key: a count of that entity's rows
 * per group of `fact` is the count of distinct values of that key, with no join to repeat rows.
 */
export function referenceTo(model: SemanticModel, fact: string, entity: Entity): Relationship | undefined {
  if (entity.key.length !== 1) return undefined;
  const refs = model.relationships.filter(
    (r) => r.cardinality === "many_to_one" && r.from === fact && r.to === entity.table && r.fromColumns.length === 1,
  );
  return refs.length === 1 ? refs[0] : undefined;
}

/** Whether rows of `from` refer, through one or more foreign keys, to rows of `to`. */
export function refersTo(model: SemanticModel, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const table = queue.shift()!;
    for (const r of model.relationships)
      if (r.cardinality === "many_to_one" && r.from === table && !seen.has(r.to)) {
        if (r.to === to) return true;
        seen.add(r.to);
        queue.push(r.to);
      }
  }
  return false;
}
