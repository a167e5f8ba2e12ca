import { readCatalog } from "@/lib/catalog/read-catalog";
import { readSampleValues } from "@/lib/catalog/sample-values";
import type { Catalog } from "@/lib/catalog/types";
import { getRoleClients } from "@/lib/db";
import { getEnv } from "@/lib/env";

/**
 * What the plan editor offers: the tables and columns a plan may read, and the known values of
 * few-valued text columns ("table.column" → values) to pick a filter value from.
 */
export async function loadPlanEditorData(): Promise<{ catalog: Catalog; knownValues: Record<string, string[]> }> {
  const { reader } = await getRoleClients();
  const schemas = getEnv().sourceSchemas;
  const [catalog, knownValues] = await Promise.all([readCatalog(reader, schemas), readSampleValues(reader, schemas)]);
  return { catalog, knownValues };
}
