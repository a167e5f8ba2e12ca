import { readCatalog } from "@/lib/catalog/read-catalog";
import type { Catalog } from "@/lib/catalog/types";
import type { Database, SqlClient } from "@/lib/db/client";
import {
  getLatestImportedSemanticModel,
  getLatestSemanticModel,
  listPublishedTables,
  saveSemanticModel,
} from "@/lib/db/queries/semantic-models";
import { buildSemanticModel, modelTables } from "./build-model";
import { carryEdits } from "./carry-edits";
import { hashCatalog } from "./canonical-catalog";
import { checkModelReferences } from "./check-references";
import { ModelImportError } from "./model-yaml";
import { SemanticModelSchema, type SemanticModel } from "./model-schema";
import { readValueIndex, type ValueIndexOptions } from "./read-value-index";

export type ModelSource = {
  /** DataMorph's own database (the owner's connection): where model versions are kept. */
  db: Database;
  /** The reader's connection: catalog and values are read as runs read them. */
  reader: SqlClient;
  sourceSchemas: string[];
  /** Published tables the user added back to the model ("schema.table"). */
  include?: string[];
};

export type LoadedModel = {
  model: SemanticModel;
  version: number;
  source: "generated" | "imported";
  generatedNow: boolean;
  /** The imported version whose edits a generated version carries over, when there is one. */
  editsFrom?: number;
};

/** The key a warehouse's models are stored under: the source schemas they cover. */
export const warehouseKey = (sourceSchemas: string[]) => [...new Set(sourceSchemas)].sort().join(",");

/** The whole catalog, the part a generated model covers (published tables left out), and its hash. */
async function readModelCatalog(source: ModelSource): Promise<{ full: Catalog; catalog: Catalog; hash: string }> {
  const full = await readCatalog(source.reader, source.sourceSchemas);
  const catalog = modelTables(full, {
    published: await listPublishedTables({ db: source.db }),
    include: source.include,
  });
  return { full, catalog, hash: hashCatalog(catalog) };
}

/**
 * The current semantic model of the warehouse: the newest stored version when it was made from
 * the catalog as it is now, otherwise a new one generated from the catalog and the value index,
 * with the edits of the newest imported version carried over, and stored as the next version.
 */
export async function loadSemanticModel(
  source: ModelSource & { valueOptions?: ValueIndexOptions },
): Promise<LoadedModel> {
  const warehouse = warehouseKey(source.sourceSchemas);
  const { full, catalog, hash } = await readModelCatalog(source);
  const [latest, imported] = await Promise.all([
    getLatestSemanticModel({ warehouse, db: source.db }),
    getLatestImportedSemanticModel({ warehouse, db: source.db }),
  ]);
  const edits = imported ? SemanticModelSchema.safeParse(imported.model) : undefined;
  const editsFrom = edits?.success && latest && latest.source === "generated" ? { editsFrom: imported!.version } : {};
  if (latest && latest.catalogHash === hash) {
    // A version stored by an older DataMorph may not fit today's format: it is regenerated.
    const stored = SemanticModelSchema.safeParse(latest.model);
    if (stored.success)
      return {
        model: stored.data,
        version: latest.version,
        source: latest.source as LoadedModel["source"],
        generatedNow: false,
        ...editsFrom,
      };
  }
  const values = await readValueIndex(source.reader, catalog, source.valueOptions);
  const generated = buildSemanticModel(catalog, { values });
  const model = edits?.success ? carryEdits(generated, edits.data, full) : generated;
  const row = await saveSemanticModel({ warehouse, catalogHash: hash, source: "generated", model, db: source.db });
  return {
    model,
    version: row.version,
    source: "generated",
    generatedNow: true,
    ...(edits?.success ? { editsFrom: imported!.version } : {}),
  };
}

/**
 * Stores a model a user edited as the warehouse's current version, once every table and column
 * it names exists. It stays current until the catalog changes. Throws ModelImportError otherwise.
 */
export async function saveImportedModel(
  source: ModelSource & { model: SemanticModel; userId?: string },
): Promise<LoadedModel> {
  // Checked against every readable table: importing is how a user adds a published table back.
  const { full, hash } = await readModelCatalog(source);
  const problems = checkModelReferences(source.model, full);
  if (problems.length > 0) throw new ModelImportError(problems);
  const model = { ...source.model, catalogHash: hash };
  const row = await saveSemanticModel({
    warehouse: warehouseKey(source.sourceSchemas),
    catalogHash: hash,
    source: "imported",
    model,
    createdBy: source.userId ?? null,
    db: source.db,
  });
  return { model, version: row.version, source: "imported", generatedNow: false };
}
