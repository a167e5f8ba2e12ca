// POST /api/runs/[id]/plan – build a run's reviewed (and perhaps edited) plan
import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/http/body";
import { withUser } from "@/lib/http/handler";
import { handOverRun } from "@/lib/runs/hand-over";
import { buildPlanSchema, PlanCheckError, prepareReviewedBuild } from "@/lib/runs/review-run";
import { getRunStarter } from "@/agents/run-starter";

export const POST = withUser<{ id: string }>("POST /api/runs/[id]/plan", async (request, user, { id }) => {
  const { spec } = await readJsonBody(request, {
    schema: buildPlanSchema,
    maxBytes: 256 * 1024,
    example: '{ "spec": { …the plan as shown by GET /api/runs/<id>, edited… } }',
    limitHint: "a plan is at most 256 kB of JSON",
  });
  let prepared: Awaited<ReturnType<typeof prepareReviewedBuild>>;
  try {
    prepared = await prepareReviewedBuild({ user, runId: id, spec });
  } catch (error) {
    // Each problem goes back with the clause it is about, so the editor can show it there.
    if (error instanceof PlanCheckError)
      return NextResponse.json(
        { error: { code: error.code, message: error.message }, issues: error.issues },
        { status: 400 },
      );
    throw error;
  }
  await handOverRun(id, "started", () => getRunStarter()(prepared));
  return NextResponse.json({ id, url: `/runs/${id}` }, { status: 202 });
});
