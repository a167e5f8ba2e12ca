// POST /api/pipelines/[id]/backfill – run the pipeline once per period of a date parameter, in order
import { NextResponse } from "next/server";
import { getRunStarter } from "@/agents/run-starter";
import { readJsonBody } from "@/lib/http/body";
import { withUser } from "@/lib/http/handler";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { startBackfill } from "@/lib/pipelines/web-actions";
import { backfillSchema } from "@/lib/pipelines/web-input";

export const POST = withUser<{ id: string }>("POST /api/pipelines/[id]/backfill", async (request, user, { id }) => {
  const pipeline = await getPipelineForUser({ ref: id, user });
  const input = await readJsonBody(request, {
    schema: backfillSchema,
    maxBytes: 8192,
    example: '{ "parameter": "month", "from": "2024-01-01", "to": "2024-03-01", "every": "month" }',
  });
  const periods = await startBackfill(pipeline, user, input, getRunStarter());
  return NextResponse.json({ periods }, { status: 202 });
});
