// POST /api/runs/[id]/answers – answer the questions a run waits on; the run then carries on
import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/http/body";
import { withUser } from "@/lib/http/handler";
import { getRunForUser } from "@/lib/runs/access";
import { answersBodySchema } from "@/lib/runs/answer-run";
import { resumeAnsweredRun } from "@/lib/runs/start-run";
import { getRunStarter } from "@/agents/run-starter";

export const POST = withUser<{ id: string }>("POST /api/runs/[id]/answers", async (request, user, { id }) => {
  const run = await getRunForUser({ id, user });
  const { answers, remember } = await readJsonBody(request, {
    schema: answersBodySchema,
    maxBytes: 16 * 1024,
    example: '{ "answers": { "q1a2b3c4d": "c1" }, "remember": false }',
  });
  await resumeAnsweredRun({ run, answers, ...(remember ? { rememberFor: user } : {}), starter: getRunStarter() });
  return NextResponse.json({ id, url: `/runs/${id}` }, { status: 202 });
});
