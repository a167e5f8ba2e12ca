import type { Catalog } from "@/lib/catalog/types";
import type { SemanticModel } from "./model-schema";

/**
 * What a model names that the catalog does not have: tables, columns, relationship ends. An
 * imported model is checked against the warehouse before it is used; returns one line per problem.
 */
export function checkModelReferences(model: SemanticModel, catalog: Catalog): string[] {
  const columns = new Map(catalog.tables.map((t) => [`${t.schema}.${t.name}`, new Set(t.columns.map((c) => c.name))]));
  const problems: string[] = [];
  const checkColumns = (where: string, table: string, names: string[]) => {
    const known = columns.get(table);
    if (!known) return problems.push(`${where}: there is no table ${table}`);
    for (const name of names) if (!known.has(name)) problems.push(`${where}: ${table} has no column "${name}"`);
  };
  const seen = new Set<string>();
  model.entities.forEach((entity, i) => {
    const where = `entities[${i}] (${entity.table})`;
    if (seen.has(entity.table)) problems.push(`${where}: the table has two entities`);
    seen.add(entity.table);
    const named = [
      ...entity.key,
      ...entity.label,
      ...[entity.dimensions, entity.timeDimensions, entity.measures, entity.flags].flatMap((list) =>
        list.map((item) => item.column),
      ),
    ];
    checkColumns(where, entity.table, named);
  });
  model.relationships.forEach((r, i) => {
    const where = `relationships[${i}] (${r.from} → ${r.to})`;
    if (r.fromColumns.length !== r.toColumns.length)
      problems.push(`${where}: from_columns and to_columns must pair up`);
    checkColumns(where, r.from, r.fromColumns);
    checkColumns(where, r.to, r.toColumns);
    if (r.cardinality === "many_to_many" && !r.through)
      problems.push(`${where}: a many_to_many relationship needs its link table (through)`);
    if (r.through) checkColumns(where, r.through.table, [...r.through.fromColumns, ...r.through.toColumns]);
  });
  return problems;
}
