// POST /api/pipelines/[id]/schedule – set the pipeline's cron schedule, or pause / resume it
import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/http/body";
import { withUser } from "@/lib/http/handler";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { changeSchedule } from "@/lib/pipelines/web-actions";
import { scheduleSchema } from "@/lib/pipelines/web-input";

export const POST = withUser<{ id: string }>("POST /api/pipelines/[id]/schedule", async (request, user, { id }) => {
  const pipeline = await getPipelineForUser({ ref: id, user });
  const input = await readJsonBody(request, {
    schema: scheduleSchema,
    maxBytes: 4096,
    example: '{ "cron": "0 6 * * *", "timezone": "Europe/Berlin" } or { "paused": true }',
  });
  const next = await changeSchedule(pipeline, input);
  return NextResponse.json({ ok: true, nextFireAt: next?.toISOString() ?? null });
});
