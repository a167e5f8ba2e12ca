import { readCatalog } from "@/lib/catalog/read-catalog";
import { getRoleClients } from "@/lib/db";
import { getPipelineVersion } from "@/lib/db/queries/pipelines";
import type { Pipeline } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { renderVersion } from "./render";
import { describeDrift, findDrift, type Drift, type SourceShape } from "./source-shape";

export type SourceCheck = { changes: (Drift & { description: string })[]; breaking: boolean };

/**
 * How the current version's sources differ now from when it was saved; `breaking` when a column
 * the spec reads was dropped or retyped, so the next run would stop before building.
 */
export async function checkPipelineSources(pipeline: Pipeline): Promise<SourceCheck> {
  const version = await getPipelineVersion({ pipelineId: pipeline.id, version: pipeline.currentVersion });
  if (!version) return { changes: [], breaking: false };
  const catalog = await readCatalog((await getRoleClients()).reader, getEnv().sourceSchemas);
  const drift = findDrift(version.sourceShape as SourceShape, renderVersion(version).spec, catalog);
  return {
    changes: drift.map((change) => ({ ...change, description: describeDrift(change) })),
    breaking: drift.some((change) => change.used),
  };
}
