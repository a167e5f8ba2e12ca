import type { Catalog, CatalogTable } from "@/lib/catalog/types";
import { canonicalCatalog, hashCatalog } from "./canonical-catalog";
import { classifyColumn } from "./classify-column";
import { typeFamily } from "./column-types";
import { defaultTimeColumn } from "./default-time";
import { entityNames, type EntityNames } from "./entity-names";
import { labelColumns } from "./label-columns";
import { MODEL_FORMAT_VERSION, type Entity, type SemanticModel } from "./model-schema";
import { buildRelationships, foreignKeyEdges, isLinkTable, tableRef, type ForeignKeyEdge } from "./relationships";
import { valueLookup, type ValueIndex } from "./value-index";

export type BuildOptions = {
  /** Distinct values read from the warehouse (readValueIndex); without them, names and types only. */
  values?: ValueIndex;
  /** Tables DataMorph published itself ("schema.table"): results, not sources, so left out… */
  published?: string[];
  /** …unless the user added them back ("schema.table"). */
  include?: string[];
};

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The tables the model covers: the catalog's, less DataMorph's published tables not added back. */
export function modelTables(catalog: Catalog, options: Pick<BuildOptions, "published" | "include"> = {}): Catalog {
  const published = new Set(options.published ?? []);
  const include = new Set(options.include ?? []);
  return canonicalCatalog({
    tables: catalog.tables.filter((t) => !published.has(tableRef(t)) || include.has(tableRef(t))),
  });
}

function buildEntity(table: CatalogTable, names: EntityNames, edges: ForeignKeyEdge[], options: BuildOptions): Entity {
  const observed = valueLookup(options.values);
  const fkColumns = new Set(edges.filter((e) => e.table === table).flatMap((e) => e.fk.columns));
  const singleKey = table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
  const entity: Entity = {
    table: tableRef(table),
    name: names.name,
    plural: names.plural,
    ...(names.words.length > 0 ? { words: names.words } : {}),
    ...(names.synonyms.length > 0 ? { synonyms: names.synonyms } : {}),
    key: table.primaryKey,
    label: [],
    ...(isLinkTable(table, edges) ? { link: true } : {}),
    dimensions: [],
    timeDimensions: [],
    measures: [],
    flags: [],
  };
  for (const column of table.columns) {
    if (fkColumns.has(column.name)) continue;
    const seen = observed(table.schema, table.name, column.name);
    const isKey = column.name === singleKey;
    // A number key names rows; only a text key (a natural key such as a product line) reads as a value.
    if (isKey && typeFamily(column.dataType) !== "text") continue;
    const values = seen?.values ? [...seen.values].sort(compare) : seen?.values;
    const role = classifyColumn(column, { entityForms: names.forms, isKey, values, sampled: seen?.sampled });
    if (role.kind === "dimension") entity.dimensions.push(role.dimension);
    else if (role.kind === "time") entity.timeDimensions.push(role.time);
    else if (role.kind === "measure") entity.measures.push(role.measure);
    else if (role.kind === "flag") entity.flags.push(role.flag);
  }
  const nullable = (name: string) => table.columns.find((c) => c.name === name)?.nullable ?? true;
  const defaultTime = defaultTimeColumn(entity.timeDimensions, names.forms, nullable);
  entity.timeDimensions = entity.timeDimensions.map((t) => (t.column === defaultTime ? { ...t, default: true } : t));
  const textKey =
    singleKey && typeFamily(table.columns.find((c) => c.name === singleKey)?.dataType ?? "") === "text"
      ? singleKey
      : undefined;
  entity.label = labelColumns(
    table.columns.filter((c) => !fkColumns.has(c.name) && c.name !== singleKey),
    names.forms,
    textKey,
  );
  return entity;
}

/**
 * The semantic model of a warehouse, from its catalog and (optionally) values read from it: an
 * entity per table with its names, key, label, dimensions, time dimensions, measures and flags,
 * and the relationships between tables with their cardinality and verbs. A pure function:
 * the same catalog in any order gives the same model, byte for byte.
 */
export function buildSemanticModel(catalog: Catalog, options: BuildOptions = {}): SemanticModel {
  const { tables } = modelTables(catalog, options);
  const names = new Map(tables.map((t) => [t, entityNames(t.name)]));
  const edges = foreignKeyEdges(tables, names);
  return {
    formatVersion: MODEL_FORMAT_VERSION,
    catalogHash: hashCatalog({ tables }),
    entities: tables.map((t) => buildEntity(t, names.get(t)!, edges, options)),
    relationships: buildRelationships(tables, names, edges),
  };
}
