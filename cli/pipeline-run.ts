import { executeRun } from "@/agents/runner";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { preparePipelineRun } from "@/lib/pipelines/start-pipeline-run";
import { exitCodeOf, printOutcome, printProgress } from "./run";
import { pipelineName, splitAssignments, type PipelineContext } from "./pipeline";

/** `pipeline run N [--param k=v …] [--json]`: runs the current version here, printing what `run` prints. */
export async function runPipelineCommand(context: PipelineContext): Promise<number> {
  const pipeline = await getPipelineForUser({ ref: pipelineName(context), user: context.user });
  const values = Object.fromEntries(splitAssignments(context.params, "name=value, e.g. country=France"));
  const prepared = await preparePipelineRun({ pipeline, by: context.user, values, trigger: "manual" });
  const outcome = await executeRun({ ...prepared, onEvent: printProgress });
  const pipelineFacts = {
    name: pipeline.name,
    version: prepared.options.pipeline!.version,
    parameters: prepared.options.pipeline!.parameters,
  };
  printOutcome(outcome, { json: context.values.json === true, extra: { pipeline: pipelineFacts } });
  return exitCodeOf(outcome);
}
