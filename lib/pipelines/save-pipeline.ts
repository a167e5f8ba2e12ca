import { z } from "zod";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { CodegenError, compileSql } from "@/lib/codegen/sql";
import { getDb, getRoleClients, getSql } from "@/lib/db";
import { addPipelineVersion, createPipeline } from "@/lib/db/queries/pipelines";
import type { Pipeline, PipelineVersion, Run } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { plainText } from "@/lib/input/plain-text";
import { loadRunSpec } from "@/lib/runs/run-spec";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { Actor } from "@/lib/tables/actor";
import { checkRunTarget } from "@/lib/tables/run-target";
import { makeTemplate, targetParameters, type ParameterRequest, type PipelineParameter } from "./parameters";
import { renderVersion } from "./render";
import { captureSourceShape } from "./source-shape";

export const PipelineNameSchema = z
  .string()
  .superRefine(plainText("pipeline name"))
  .trim()
  .min(1, "Name the pipeline.")
  .max(60, "Keep the name under 60 characters.")
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 _.-]*$/,
    "Use letters, digits, spaces, dots, dashes and underscores, starting with a letter or digit.",
  )
  .refine((name) => !/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(name), "A name must not look like an id.");

type VersionDraft = {
  spec: EtlSpec;
  requests: ParameterRequest[];
  targetTable: string;
  engine: string | null;
  owner: Actor;
  createdBy: Actor;
  fromRunId: string | null;
  note?: string;
};

/**
 * Checks a draft version and turns it into a stored one: the parameters become placeholders,
 * the spec with its defaults must compile against today's catalog, the target (with default
 * values) must be a table the owner may publish over, and the sources' shape is recorded.
 */
async function prepareVersion(draft: VersionDraft) {
  const { template, parameters } = makeTemplate(draft.spec, draft.requests);
  for (const name of targetParameters(draft.targetTable)) {
    if (!parameters.some((p) => p.name === name))
      throw new AppError(
        "bad_request",
        `The target name uses {{${name}}}, which is not a parameter; add --param ${name}=… or take it out.`,
      );
  }
  const version = {
    spec: { ...template, target: { ...template.target, table: draft.targetTable } },
    parameters,
    targetTable: draft.targetTable,
  };
  const { spec, targetTable } = renderVersion(version);
  const env = getEnv();
  const catalog = await readCatalog((await getRoleClients()).reader, env.sourceSchemas);
  try {
    compileSql({ spec, catalog });
  } catch (error) {
    if (error instanceof CodegenError)
      throw new AppError("bad_request", `The spec no longer fits the warehouse: ${error.message}.`);
    throw error;
  }
  // A member's pipeline never publishes over a table someone else published.
  await checkRunTarget({
    sql: getSql(),
    db: getDb(),
    schema: env.targetSchema,
    table: targetTable,
    user: draft.owner,
    replace: true,
  });
  return {
    spec: version.spec,
    parameters: parameters satisfies PipelineParameter[],
    targetTable: draft.targetTable,
    engine: draft.engine,
    sourceShape: captureSourceShape(spec, catalog),
    fromRunId: draft.fromRunId,
    createdBy: draft.createdBy.id,
    note: draft.note ?? null,
  };
}

export type SavePipelineInput = {
  run: Run;
  user: Actor;
  name: string;
  parameters?: ParameterRequest[];
  targetTable?: string;
};

/** Saves a succeeded run as a new pipeline owned by `user`: version 1, its spec and target. */
export async function savePipelineFromRun({
  run,
  user,
  name,
  parameters = [],
  targetTable,
}: SavePipelineInput): Promise<{ pipeline: Pipeline; version: PipelineVersion }> {
  if (run.status !== "succeeded")
    throw new AppError(
      "bad_request",
      `Only a run that succeeded can be saved as a pipeline; this one ${run.status === "rejected" ? "was rejected" : `is ${run.status}`}.`,
    );
  const spec = await loadRunSpec(run.id);
  if (!spec)
    throw new AppError("bad_request", "This run's spec could not be read, so it cannot be saved as a pipeline.");
  const checkedName = PipelineNameSchema.safeParse(name);
  if (!checkedName.success) throw new AppError("bad_request", checkedName.error.issues[0].message);
  const version = await prepareVersion({
    spec,
    requests: parameters,
    targetTable: targetTable ?? run.targetTable ?? spec.target.table,
    engine: run.engine,
    owner: user,
    createdBy: user,
    fromRunId: run.id,
    note: `Saved from run ${run.id}`,
  });
  return createPipeline({ name: checkedName.data, userId: user.id, version });
}

export type EditPipelineInput = {
  pipeline: Pipeline;
  current: PipelineVersion;
  owner: Actor;
  user: Actor;
  parameters: ParameterRequest[];
  targetTable?: string;
  engine?: string | null;
  note?: string;
};

/**
 * Adds a version with other parameters, target or engine; the earlier versions stay as they
 * were. Parameters are chosen again from the spec with the current version's defaults filled in.
 */
export async function editPipeline({
  pipeline,
  current,
  owner,
  user,
  parameters,
  targetTable,
  engine,
  note,
}: EditPipelineInput): Promise<PipelineVersion> {
  const { spec } = renderVersion(current);
  const version = await prepareVersion({
    spec: { ...spec, target: { ...spec.target, table: spec.target.table } },
    requests: parameters,
    targetTable: targetTable ?? current.targetTable,
    engine: engine === undefined ? current.engine : engine,
    owner,
    createdBy: user,
    fromRunId: current.fromRunId,
    note,
  });
  return addPipelineVersion({ pipelineId: pipeline.id, version });
}
