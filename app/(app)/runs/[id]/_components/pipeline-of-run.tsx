import Link from "next/link";
import { getPipeline, getPipelineVersionById } from "@/lib/db/queries/pipelines";
import type { Run } from "@/lib/db/schema";

/** The pipeline, version and parameter values a pipeline run carried out. */
export async function PipelineOfRun({
  run,
}: {
  run: Pick<Run, "pipelineId" | "pipelineVersionId" | "parameters" | "trigger">;
}) {
  const [pipeline, version] = await Promise.all([
    getPipeline({ ref: run.pipelineId! }),
    run.pipelineVersionId ? getPipelineVersionById({ id: run.pipelineVersionId }) : null,
  ]);
  if (!pipeline) return null;
  const values = Object.entries((run.parameters ?? {}) as Record<string, unknown>).map(
    ([name, value]) => `${name} = ${String(value)}`,
  );
  return (
    <span data-testid="run-pipeline">
      Pipeline{" "}
      <b>
        <Link href={`/pipelines/${pipeline.id}`}>{pipeline.name}</Link>
      </b>
      {version && ` v${version.version}`}
      {run.trigger && run.trigger !== "manual" && ` (${run.trigger})`}
      {values.length > 0 && (
        <>
          {" "}
          · <code>{values.join(", ")}</code>
        </>
      )}
    </span>
  );
}
