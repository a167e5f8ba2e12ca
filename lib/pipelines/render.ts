import type { Pipeline, PipelineVersion } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { EtlSpecSchema, type EtlSpec } from "@/lib/spec/etl-spec";
import { isSnakeIdentifier } from "@/lib/spec/identifier";
import {
  fillTargetName,
  fillTemplate,
  PipelineParameterSchema,
  resolveParameterValues,
  type ParameterValue,
  type PipelineParameter,
} from "./parameters";
import type { SourceShape } from "./source-shape";

/** What a pipeline run builds instead of planning a prompt: the version's spec, its parameters filled in. */
export type PipelineRunSpec = {
  pipelineId: string;
  name: string;
  version: number;
  spec: EtlSpec;
  parameters: Record<string, ParameterValue>;
  /** The source tables' columns when the version was saved: a used one dropped or retyped stops the run. */
  sourceShape: SourceShape;
};

/** The parameters a version declares. */
export const versionParameters = (version: Pick<PipelineVersion, "parameters">): PipelineParameter[] =>
  PipelineParameterSchema.array().parse(version.parameters);

/**
 * A version's spec and target with parameter values filled in (the defaults for those not
 * given). Throws a bad_request AppError when a value is of the wrong type, or the filled spec
 * or target name is not valid.
 */
export function renderVersion(
  version: Pick<PipelineVersion, "spec" | "parameters" | "targetTable">,
  given: Record<string, unknown> = {},
): { spec: EtlSpec; targetTable: string; values: Record<string, ParameterValue> } {
  const values = resolveParameterValues(versionParameters(version), given);
  const targetTable = fillTargetName(version.targetTable, values);
  if (!isSnakeIdentifier(targetTable))
    throw new AppError(
      "bad_request",
      `With these values the target name would be "${targetTable}", which is not a valid table name.`,
    );
  const filled = fillTemplate(version.spec, values) as EtlSpec;
  const parsed = EtlSpecSchema.safeParse({ ...filled, target: { ...filled.target, table: targetTable } });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "bad_request",
      `With these values the spec is not valid: ${issue.path.join(".")} ${issue.message}.`,
    );
  }
  return { spec: parsed.data, targetTable, values };
}

/** What the orchestrator needs to carry out a pipeline run of `version` with `values`. */
export function pipelineRunSpec(
  pipeline: Pick<Pipeline, "id" | "name">,
  version: PipelineVersion,
  given: Record<string, unknown> = {},
): PipelineRunSpec & { targetTable: string } {
  const { spec, targetTable, values } = renderVersion(version, given);
  return {
    pipelineId: pipeline.id,
    name: pipeline.name,
    version: version.version,
    spec,
    parameters: values,
    sourceShape: version.sourceShape as SourceShape,
    targetTable,
  };
}
