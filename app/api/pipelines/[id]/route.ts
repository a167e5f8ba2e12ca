// GET /api/pipelines/[id] – a pipeline with its versions, parameters and latest runs
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handler";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { describePipeline } from "@/lib/pipelines/describe-pipeline";

export const GET = withUser<{ id: string }>("GET /api/pipelines/[id]", async (_request, user, { id }) => {
  const pipeline = await getPipelineForUser({ ref: id, user });
  return NextResponse.json(await describePipeline(pipeline, { runLimit: 50 }));
});
