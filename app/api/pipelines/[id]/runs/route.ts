// POST /api/pipelines/[id]/runs – run the pipeline's current version now, with parameter values
import { NextResponse } from "next/server";
import { getRunStarter } from "@/agents/run-starter";
import { readJsonBody } from "@/lib/http/body";
import { withUser } from "@/lib/http/handler";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { startPipelineRun } from "@/lib/pipelines/start-pipeline-run";
import { runPipelineSchema } from "@/lib/pipelines/web-input";

export const POST = withUser<{ id: string }>("POST /api/pipelines/[id]/runs", async (request, user, { id }) => {
  const pipeline = await getPipelineForUser({ ref: id, user });
  const input = await readJsonBody(request, {
    schema: runPipelineSchema,
    maxBytes: 16 * 1024,
    example: '{ "parameters": { "country": "France" } }',
  });
  const runId = await startPipelineRun({
    pipeline,
    by: user,
    values: input.parameters,
    trigger: "manual",
    starter: getRunStarter(),
  });
  return NextResponse.json({ id: runId, url: `/runs/${runId}` }, { status: 202 });
});
