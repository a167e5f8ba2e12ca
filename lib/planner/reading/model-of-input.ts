import type { Catalog } from "@/lib/catalog/types";
import { buildSemanticModel } from "@/lib/semantic-model/build-model";
import type { SemanticModel } from "@/lib/semantic-model/model-schema";
import type { ValueIndex } from "@/lib/semantic-model/value-index";

const cache = new WeakMap<Catalog, Map<string, SemanticModel>>();

/**
 * The semantic model a request is read against: the one the caller loaded, else one built from
 * the catalog with the sample values as its value index. Published tables stay out of it, so
 * earlier results never change how a request reads. Cached per catalog object.
 */
export function modelOfInput(input: {
  catalog: Catalog;
  sampleValues?: Record<string, string[]>;
  derivedTables?: string[];
  semanticModel?: SemanticModel;
}): SemanticModel {
  if (input.semanticModel) return input.semanticModel;
  const key = JSON.stringify([input.sampleValues ?? {}, input.derivedTables ?? []]);
  const models = cache.get(input.catalog) ?? new Map<string, SemanticModel>();
  cache.set(input.catalog, models);
  const known = models.get(key);
  if (known) return known;
  const values: ValueIndex = { complete: false, columns: [] };
  for (const [key, list] of Object.entries(input.sampleValues ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [table, column] = key.split(".");
    for (const t of input.catalog.tables)
      if (t.name === table && t.columns.some((c) => c.name === column))
        values.columns.push({ schema: t.schema, table, column, values: list });
  }
  const model = buildSemanticModel(input.catalog, { values, published: input.derivedTables });
  models.set(key, model);
  return model;
}
