import type { Catalog } from "@/lib/catalog/types";
import { describeDrift, findDrift } from "@/lib/pipelines/source-shape";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { emitter, type AgentContext, type PipelineRunSpec } from "./types";

/** Raised when a pipeline's sources changed under it; the run fails before anything is built. */
export class SourceDriftError extends Error {
  override name = "SourceDriftError";
}

const describeValues = (parameters: PipelineRunSpec["parameters"]) =>
  Object.entries(parameters)
    .map(([name, value]) => `${name} = ${JSON.stringify(value)}`)
    .join(", ");

/**
 * In place of the planner for a pipeline run: checks that every source column the spec reads is
 * still there with the type it had when the version was saved, then hands on the version's spec.
 * A dropped or retyped column the spec reads stops the run here, before any build, naming it;
 * other changes to the sources are only reported.
 */
export async function takePipelineSpec(
  context: AgentContext,
  pipeline: PipelineRunSpec,
  catalog: Catalog,
): Promise<EtlSpec> {
  const emit = emitter(context, "planner");
  const label = `pipeline "${pipeline.name}" version ${pipeline.version}`;
  const drift = findDrift(pipeline.sourceShape, pipeline.spec, catalog);
  const breaking = drift.filter((change) => change.used);
  const target = `${context.options.targetSchema}.${pipeline.spec.target.table}`;
  if (breaking.length > 0) {
    const what = breaking.map(describeDrift).join("; ");
    await emit("error", `The sources changed since ${label} was saved: ${what}.`, { drift });
    throw new SourceDriftError(
      `The sources changed since ${label} was saved: ${what}. The run stopped before building; ${target} was left as it was.`,
    );
  }
  if (drift.length > 0)
    await emit(
      "warn",
      `The sources changed since ${label} was saved, in columns it does not read: ${drift.map(describeDrift).join("; ")}.`,
      { drift },
    );
  await context.artifacts.put(context.runId, "spec.json", JSON.stringify(pipeline.spec, null, 2));
  const values = describeValues(pipeline.parameters);
  await emit("success", `Took the spec of ${label}${values ? ` with ${values}` : ""}`, {
    spec: pipeline.spec,
    notes: [],
    planner: "pipeline",
    pipeline: {
      id: pipeline.pipelineId,
      name: pipeline.name,
      version: pipeline.version,
      parameters: pipeline.parameters,
    },
  });
  return pipeline.spec;
}
