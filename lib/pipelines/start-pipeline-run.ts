import { getDb, getSql } from "@/lib/db";
import {
  createPipelineRun,
  getActivePipelineRun,
  getPipeline,
  getPipelineVersion,
  getPipelineVersionById,
} from "@/lib/db/queries/pipelines";
import { getUserById } from "@/lib/db/queries/users";
import type { Pipeline, Run } from "@/lib/db/schema";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { handOverRun } from "@/lib/runs/hand-over";
import type { RunStarter } from "@/lib/runs/lambda-invoker";
import { pipelineOptions, type PipelineOptions } from "@/lib/runs/pipeline-options";
import type { Actor } from "@/lib/tables/actor";
import { checkRunTarget } from "@/lib/tables/run-target";
import { pipelineRunSpec } from "./render";

export type PipelineTrigger = "manual" | "schedule" | "backfill";

/** A created, queued pipeline run and what carries it out. */
export type PreparedPipelineRun = { runId: string; prompt: string; options: PipelineOptions };

/** The owner of a pipeline as the rules on replacing tables see them. */
export async function getPipelineOwner(pipeline: Pick<Pipeline, "userId">): Promise<Actor> {
  const owner = await getUserById({ id: pipeline.userId });
  if (!owner) throw new AppError("not_found", "The pipeline's owner no longer exists.");
  return { id: owner.id, email: owner.email, role: owner.role };
}

/**
 * Creates the run of `pipeline`'s current version with `values` (defaults for the rest). The run
 * belongs to the pipeline's owner, whoever asked, so that the table stays theirs and the
 * replace rules are the owner's: a member's pipeline never publishes over another user's table.
 * A pipeline has one run in progress at most: a second one is refused (`conflict`).
 */
export async function preparePipelineRun({
  pipeline,
  by,
  values = {},
  trigger,
}: {
  pipeline: Pipeline;
  by?: Pick<Actor, "id">;
  values?: Record<string, unknown>;
  trigger: PipelineTrigger;
}): Promise<PreparedPipelineRun> {
  const version = await getPipelineVersion({ pipelineId: pipeline.id, version: pipeline.currentVersion });
  if (!version)
    throw new AppError("not_found", `Pipeline "${pipeline.name}" has no version ${pipeline.currentVersion}.`);
  const run = pipelineRunSpec(pipeline, version, values);
  const owner = await getPipelineOwner(pipeline);
  const schema = getEnv().targetSchema;
  // Refused here, before a run exists; the run checks again right before it publishes.
  await checkRunTarget({ sql: getSql(), db: getDb(), schema, table: run.targetTable, user: owner, replace: true });
  const created = await createPipelineRun({
    userId: owner.id,
    prompt: run.spec.prompt || `Pipeline ${pipeline.name}`,
    targetTable: run.targetTable,
    engine: version.engine,
    pipelineId: pipeline.id,
    pipelineVersionId: version.id,
    parameters: run.parameters,
    trigger,
    triggeredBy: by && by.id !== owner.id ? by.id : null,
  });
  if (!created) {
    const active = await getActivePipelineRun({ pipelineId: pipeline.id });
    throw new AppError(
      "conflict",
      `Pipeline "${pipeline.name}" already has a run in progress${active ? ` (run ${active.id}, ${active.status})` : ""}; a pipeline runs once at a time.`,
    );
  }
  const { targetTable, ...spec } = run;
  const options = pipelineOptions({
    targetTable,
    replace: true,
    pipeline: spec,
    ...(isEngineRequest(version.engine) ? { engine: version.engine } : {}),
  });
  return { runId: created.id, prompt: created.prompt, options };
}

/** Creates a pipeline run and hands it to `starter` without waiting for it (see `agents/run-starter.ts`). */
export async function startPipelineRun({
  starter,
  ...request
}: Parameters<typeof preparePipelineRun>[0] & { starter: RunStarter }): Promise<string> {
  const prepared = await preparePipelineRun(request);
  await handOverRun(prepared.runId, "started", () => starter(prepared));
  return prepared.runId;
}

/**
 * For a run handed over by id (the orchestrator Lambda): the pipeline spec of a stored pipeline
 * run, rebuilt from its version and recorded parameter values; nothing for a run from a prompt.
 */
export async function pipelineOptionsOfRun(
  run: Pick<Run, "pipelineId" | "pipelineVersionId" | "parameters">,
): Promise<Pick<PipelineOptions, "pipeline">> {
  if (!run.pipelineId || !run.pipelineVersionId) return {};
  const [pipeline, version] = await Promise.all([
    getPipeline({ ref: run.pipelineId }),
    getPipelineVersionById({ id: run.pipelineVersionId }),
  ]);
  if (!pipeline || !version) throw new Error("The run's pipeline version no longer exists.");
  const { targetTable: _target, ...spec } = pipelineRunSpec(
    pipeline,
    version,
    (run.parameters ?? {}) as Record<string, unknown>,
  );
  return { pipeline: spec };
}
