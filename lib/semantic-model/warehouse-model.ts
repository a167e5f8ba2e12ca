import { getDb, getRoleClients } from "@/lib/db";
import { loadSemanticModel, saveImportedModel, type LoadedModel, type ModelSource } from "./load-model";
import type { SemanticModel } from "./model-schema";

/**
 * The app's own warehouse as a model source: versions kept in DataMorph's database, catalog and
 * values read by the reader login, as runs read them. Shared by the web app and the CLI.
 */
export async function warehouseModelSource(sourceSchemas: string[]): Promise<ModelSource> {
  return { db: getDb(), reader: (await getRoleClients()).reader, sourceSchemas };
}

/** The warehouse's current semantic model, generated first when the catalog changed. */
export async function currentWarehouseModel(sourceSchemas: string[]): Promise<LoadedModel> {
  return loadSemanticModel(await warehouseModelSource(sourceSchemas));
}

/** Stores an edited model as the warehouse's current version (see saveImportedModel). */
export async function importWarehouseModel(
  sourceSchemas: string[],
  model: SemanticModel,
  userId: string,
): Promise<LoadedModel> {
  return saveImportedModel({ ...(await warehouseModelSource(sourceSchemas)), model, userId });
}

/** One line that says which version is current and what it holds. */
export const describeLoadedModel = (loaded: LoadedModel) =>
  `version ${loaded.version} (${loaded.generatedNow ? "generated now" : loaded.source}): ${loaded.model.entities.length} entities, ${loaded.model.relationships.length} relationships`;
