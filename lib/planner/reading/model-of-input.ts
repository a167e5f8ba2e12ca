import type { Catalog } from "@/lib/catalog/types";
import { buildSemanticModel } from "@/lib/semantic-model/build-model";
import type { SemanticModel } from "@/lib/semantic-model/model-schema";
import type { ValueIndex } from "@/lib/semantic-model/value-index";
import { escapeRegExp } from "@/lib/text/escape-regexp";

const cache = new WeakMap<Catalog, Map<string, SemanticModel>>();

/**
 * The semantic model a request is read against: the one the caller loaded, else one built from
 * the catalog with the sample values as its value index. Published tables stay out of it, so
 * earlier results never change how a request reads, unless the request names one by its
 * identifier ("results_customer_totals with total_order_amount over 20000"): then it is read like
 * any table. Cached per catalog object.
 */
export function modelOfInput(input: {
  prompt?: string;
  catalog: Catalog;
  sampleValues?: Record<string, string[]>;
  derivedTables?: string[];
  semanticModel?: SemanticModel;
}): SemanticModel {
  const published = (input.derivedTables ?? []).filter((table) => !namesTable(input.prompt ?? "", table));
  if (input.semanticModel && published.length === (input.derivedTables ?? []).length) return input.semanticModel;
  const key = JSON.stringify([input.sampleValues ?? {}, published]);
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
  const model = buildSemanticModel(input.catalog, { values, published });
  models.set(key, model);
  return model;
}

/** The request writes the table's identifier, alone or with its schema ("results_totals", "public.results_totals"). */
function namesTable(prompt: string, table: string): boolean {
  const name = table.split(".").slice(1).join(".");
  const escaped = [table, name].map(escapeRegExp).join("|");
  return new RegExp(`(^|[^A-Za-z0-9_.])(${escaped})($|[^A-Za-z0-9_])`, "i").test(prompt);
}
