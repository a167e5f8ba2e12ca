// POST /api/runs/[id]/rerun – edit & re-run: a new run of this one's request and plan, stopped for review
import { getRunStarter } from "@/agents/run-starter";
import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/http/body";
import { withUser } from "@/lib/http/handler";
import { editRerunSchema, startEditedRerun } from "@/lib/runs/edit-rerun";
import { PlanCheckError } from "@/lib/runs/review-run";

export const POST = withUser<{ id: string }>("POST /api/runs/[id]/rerun", async (request, user, { id }) => {
  const input = await readJsonBody(request, {
    schema: editRerunSchema,
    maxBytes: 256 * 1024,
    example: '{ "prompt": "total order amount per customer", "spec": { …optional, the plan as edited… } }',
    limitHint: "a prompt is at most 4,000 characters and a plan at most 256 kB of JSON",
  });
  try {
    const runId = await startEditedRerun({ user, runId: id, ...input, starter: getRunStarter() });
    return NextResponse.json({ id: runId, url: `/runs/${runId}` }, { status: 202 });
  } catch (error) {
    if (error instanceof PlanCheckError)
      return NextResponse.json(
        { error: { code: error.code, message: error.message }, issues: error.issues },
        { status: 400 },
      );
    throw error;
  }
});
