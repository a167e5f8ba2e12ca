// GET /api/runs – recent runs (own, or all for an admin); POST /api/runs – start a run
import { NextResponse } from "next/server";
import { getRunStarter } from "@/agents/run-starter";
import { listRuns } from "@/lib/db/queries/runs";
import { readJsonBody } from "@/lib/http/body";
import { withUser } from "@/lib/http/handler";
import { startRun, startRunSchema } from "@/lib/runs/start-run";

export const GET = withUser("GET /api/runs", async (_request, user) =>
  NextResponse.json({ runs: await listRuns({ userId: user.id, isAdmin: user.role === "admin" }) }),
);

export const POST = withUser("POST /api/runs", async (request, user) => {
  const input = await readJsonBody(request, {
    schema: startRunSchema,
    maxBytes: 64 * 1024,
    example: '{ "prompt": "total order amount per customer" }',
    limitHint: "a prompt is at most 4,000 characters",
  });
  const id = await startRun({ user, ...input, starter: getRunStarter() });
  return NextResponse.json({ id, url: `/runs/${id}` }, { status: 202 });
});
