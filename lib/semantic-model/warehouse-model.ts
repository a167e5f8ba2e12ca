import { getDb, getRoleClients } from "@/lib/db";
import { listApprovedKnowledge } from "@/lib/db/queries/knowledge";
import { listApprovedVerifiedExamples } from "@/lib/db/queries/verified-examples";
import { loadSemanticModel, saveImportedModel, warehouseKey, type LoadedModel, type ModelSource } from "./load-model";
import type { SemanticModel } from "./model-schema";
import type { UserOverlay } from "./user-overlay";

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

/** The warehouse's approved knowledge and verified examples, for the model file (see UserOverlay). */
export async function warehouseUserOverlay(sourceSchemas: string[]): Promise<UserOverlay> {
  const warehouse = warehouseKey(sourceSchemas);
  const [knowledge, examples] = await Promise.all([
    listApprovedKnowledge({ warehouse }),
    listApprovedVerifiedExamples({ warehouse }),
  ]);
  return {
    knowledge: knowledge.map((k) => ({
      phrase: k.phrase,
      meaning: k.meaning,
      kind: k.kind,
      by: k.by,
      at: k.at,
      run: k.runId,
    })),
    verifiedExamples: examples.map((e) => ({ prompt: e.prompt, by: e.by, at: e.at, run: e.runId })),
  };
}

/** One line that says which version is current and what it holds. */
export const describeLoadedModel = (loaded: LoadedModel) =>
  `version ${loaded.version} (${loaded.generatedNow ? "generated now" : loaded.source}): ${loaded.model.entities.length} entities, ${loaded.model.relationships.length} relationships`;
