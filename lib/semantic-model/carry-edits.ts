import type { Catalog } from "@/lib/catalog/types";
import { checkModelReferences } from "./check-references";
import type { Dimension, Entity, Relationship, SemanticModel } from "./model-schema";

type ColumnLists = Pick<Entity, "dimensions" | "timeDimensions" | "measures" | "flags">;
const LISTS = ["dimensions", "timeDimensions", "measures", "flags"] as const;

const relationshipKey = (r: Relationship) => `${r.from}(${r.fromColumns.join()})->${r.to}(${r.toColumns.join()})`;

/**
 * An entity's columns: where the user's model names a column (in whichever role they gave it),
 * their entry wins; columns they never mention keep what generation made of them. Value lists
 * always come from the new generation, since they were read from today's data.
 */
function mergeColumns(generated: Entity, edited: Entity, exists: (column: string) => boolean): ColumnLists {
  const mentioned = new Set(LISTS.flatMap((list) => edited[list].map((item) => item.column)));
  const freshValues = new Map(generated.dimensions.map((d) => [d.column, d]));
  const withFreshValues = (d: Dimension): Dimension => {
    const fresh = freshValues.get(d.column);
    const { values: _oldValues, valuesSampled: _oldSampled, ...rest } = d;
    return {
      ...rest,
      ...(fresh?.values ? { values: fresh.values } : {}),
      ...(fresh?.valuesSampled ? { valuesSampled: true } : {}),
    };
  };
  const keep = <T extends { column: string }>(editedItems: T[], generatedItems: T[]) => [
    ...editedItems.filter((item) => exists(item.column)),
    ...generatedItems.filter((item) => !mentioned.has(item.column)),
  ];
  return {
    dimensions: keep(edited.dimensions.map(withFreshValues), generated.dimensions),
    timeDimensions: keep(edited.timeDimensions, generated.timeDimensions),
    measures: keep(edited.measures, generated.measures),
    flags: keep(edited.flags, generated.flags),
  };
}

/**
 * A newly generated model with the edits of the model a user imported carried over, so that a
 * change to the catalog (a new table, an uploaded file) does not throw away the synonyms, names,
 * aggregates and verbs someone taught it. Whatever the edits name that no longer exists is left
 * out; if the result still names something missing, the generated model is used unchanged.
 */
export function carryEdits(generated: SemanticModel, edited: SemanticModel, catalog: Catalog): SemanticModel {
  const columns = new Map(catalog.tables.map((t) => [`${t.schema}.${t.name}`, new Set(t.columns.map((c) => c.name))]));
  const editedEntities = new Map(edited.entities.map((e) => [e.table, e]));
  const generatedTables = new Set(generated.entities.map((e) => e.table));
  const entities = generated.entities.map((entity): Entity => {
    const mine = editedEntities.get(entity.table);
    if (!mine) return entity;
    const exists = (column: string) => columns.get(entity.table)?.has(column) ?? false;
    const label = mine.label.every(exists) ? mine.label : entity.label;
    return {
      ...entity,
      name: mine.name,
      plural: mine.plural,
      words: mine.words,
      synonyms: mine.synonyms,
      label,
      ...mergeColumns(entity, mine, exists),
    };
  });
  // Tables the user added to the model (a published table brought back) stay while they exist.
  const added = edited.entities.filter((e) => !generatedTables.has(e.table) && columns.has(e.table));
  const editedRelationships = new Map(edited.relationships.map((r) => [relationshipKey(r), r]));
  const generatedKeys = new Set(generated.relationships.map(relationshipKey));
  const relationships = [
    ...generated.relationships.map((r) => {
      const mine = editedRelationships.get(relationshipKey(r));
      return mine ? { ...r, verbs: mine.verbs, ...(mine.roles ? { roles: mine.roles } : {}) } : r;
    }),
    ...edited.relationships.filter((r) => !generatedKeys.has(relationshipKey(r))),
  ];
  const merged: SemanticModel = { ...generated, entities: [...entities, ...added], relationships };
  // Drop the user's own relationships and added tables that now name something missing.
  const problems = checkModelReferences(merged, catalog);
  if (problems.length === 0) return merged;
  const clean: SemanticModel = {
    ...merged,
    entities: merged.entities.filter(
      (e, i) => generatedTables.has(e.table) || !problems.some((p) => p.startsWith(`entities[${i}] `)),
    ),
    relationships: merged.relationships.filter(
      (r, i) => generatedKeys.has(relationshipKey(r)) || !problems.some((p) => p.startsWith(`relationships[${i}] `)),
    ),
  };
  return checkModelReferences(clean, catalog).length === 0 ? clean : generated;
}
