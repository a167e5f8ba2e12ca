import { readCatalog } from "@/lib/catalog/read-catalog";
import { getRoleClients } from "@/lib/db";
import { editKnowledge, getKnowledgeById } from "@/lib/db/queries/knowledge";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { buildLexicon } from "@/lib/planner/reading/lexicon";
import { currentWarehouseModel } from "@/lib/semantic-model/warehouse-model";
import { appWarehouse } from "./app-warehouse";
import { checkEntryEdit, type EntryCheckContext } from "./check-entry";

/**
 * Changes a knowledge entry's words and meaning once the edit can still answer a question (see
 * checkEntryEdit); otherwise returns the problem of each field and changes nothing. The catalog
 * or the model is read only for a meaning that changed.
 */
export async function editKnowledgeEntry(input: {
  id: string;
  phrase: string;
  meaning: string;
}): Promise<{ fieldErrors: Record<string, string> } | null> {
  const warehouse = appWarehouse();
  const entry = await getKnowledgeById({ id: input.id, warehouse });
  if (!entry) throw new AppError("not_found", "That entry is gone: it was deleted. Nothing was changed.");
  // A spelling question offers the model's words, which are lower case.
  const meaning = entry.kind === "spelling" ? input.meaning.toLowerCase() : input.meaning;
  const edit = { kind: entry.kind, phrase: input.phrase, meaning, previousMeaning: entry.meaning };
  const problems = checkEntryEdit(edit, await checkContext(edit));
  if (problems) return { fieldErrors: problems };
  await editKnowledge({ id: entry.id, warehouse, phrase: input.phrase, meaning });
  return null;
}

async function checkContext(edit: { kind: string; meaning: string; previousMeaning: string }) {
  const context: EntryCheckContext = { catalog: { tables: [] }, hasWord: () => false };
  if (edit.meaning === edit.previousMeaning) return context;
  const { sourceSchemas } = getEnv();
  if (edit.kind === "spelling") {
    const lexicon = buildLexicon((await currentWarehouseModel(sourceSchemas)).model);
    return { ...context, hasWord: (word: string) => !word.includes(" ") && lexicon.phrases.has(word) };
  }
  return { ...context, catalog: await readCatalog((await getRoleClients()).reader, sourceSchemas) };
}
