// GET /api/pipelines – the pipelines you may run; POST /api/pipelines – save a succeeded run as a pipeline
import { NextResponse } from "next/server";
import { listPipelines } from "@/lib/db/queries/pipelines";
import { readJsonBody } from "@/lib/http/body";
import { withUser } from "@/lib/http/handler";
import { savePipelineFromRun } from "@/lib/pipelines/save-pipeline";
import { savePipelineSchema, slotPath } from "@/lib/pipelines/web-input";
import { getRunForUser } from "@/lib/runs/access";

export const GET = withUser("GET /api/pipelines", async (_request, user) =>
  NextResponse.json({ pipelines: await listPipelines({ userId: user.id, isAdmin: user.role === "admin" }) }),
);

export const POST = withUser("POST /api/pipelines", async (request, user) => {
  const input = await readJsonBody(request, {
    schema: savePipelineSchema,
    maxBytes: 32 * 1024,
    example:
      '{ "runId": "…", "name": "monthly sales", "parameters": [{ "name": "country", "type": "text", "default": "Germany" }] }',
  });
  const run = await getRunForUser({ id: input.runId, user });
  const parameters = input.parameters.map(({ slot, ...p }) => ({ ...p, ...(slot ? { path: slotPath(slot) } : {}) }));
  const { pipeline, version } = await savePipelineFromRun({
    run,
    user,
    name: input.name,
    parameters,
    targetTable: input.target,
  });
  return NextResponse.json(
    { id: pipeline.id, name: pipeline.name, version: version.version, url: `/pipelines/${pipeline.id}` },
    { status: 201 },
  );
});
