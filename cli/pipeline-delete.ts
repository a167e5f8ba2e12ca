import { getPipelineForUser } from "@/lib/pipelines/access";
import { deletePipeline } from "@/lib/pipelines/delete-pipeline";
import { pipelineName, type PipelineContext } from "./pipeline";

/** `pipeline delete <name> [--json]`: the pipeline, its versions and schedule go; its runs and tables stay. */
export async function deletePipelineCommand(context: PipelineContext): Promise<number> {
  const pipeline = await getPipelineForUser({ ref: pipelineName(context), user: context.user });
  await deletePipeline({ pipeline });
  process.stdout.write(
    context.values.json
      ? `${JSON.stringify({ pipeline: pipeline.name, deleted: true })}\n`
      : `Deleted pipeline ${pipeline.name}; its runs and tables stay.\n`,
  );
  return 0;
}
