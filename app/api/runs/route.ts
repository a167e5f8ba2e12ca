// GET /api/runs – runs, newest first (own, or all for an admin; ?q=&status=&mine=1&page=); POST /api/runs – start a run
import { NextResponse } from "next/server";
import { getRunStarter } from "@/agents/run-starter";
import { searchRuns } from "@/lib/db/queries/run-search";
import { readJsonBody } from "@/lib/http/body";
import { withUser } from "@/lib/http/handler";
import { parseRunsQuery } from "@/lib/runs/runs-query";
import { startRun, startRunSchema } from "@/lib/runs/start-run";

const PAGE_SIZE = 50;

export const GET = withUser("GET /api/runs", async (request, user) => {
  const query = parseRunsQuery(Object.fromEntries(new URL(request.url).searchParams));
  const { runs, total } = await searchRuns({
    userId: user.id,
    isAdmin: user.role === "admin",
    query,
    pageSize: PAGE_SIZE,
  });
  return NextResponse.json({ runs, total, page: query.page, pageSize: PAGE_SIZE });
});

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
