// GET /api/pipelines/[id] – a pipeline with its versions, parameters and latest runs
// DELETE /api/pipelines/[id] – the pipeline, its versions and schedule go; its runs and tables stay
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handler";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { deletePipeline } from "@/lib/pipelines/delete-pipeline";
import { describePipeline } from "@/lib/pipelines/describe-pipeline";

export const GET = withUser<{ id: string }>("GET /api/pipelines/[id]", async (_request, user, { id }) => {
  const pipeline = await getPipelineForUser({ ref: id, user });
  return NextResponse.json(await describePipeline(pipeline, { runLimit: 50 }));
});

export const DELETE = withUser<{ id: string }>("DELETE /api/pipelines/[id]", async (_request, user, { id }) => {
  const pipeline = await getPipelineForUser({ ref: id, user });
  await deletePipeline({ pipeline });
  return NextResponse.json({ pipeline: pipeline.name, deleted: true });
});
