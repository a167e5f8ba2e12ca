// GET /api/runs – recent runs (own, or all for an admin); POST /api/runs – start a run
import { NextResponse } from "next/server";
import { listRuns } from "@/lib/db/queries/runs";
import { AppError } from "@/lib/errors";
import { withUser } from "@/lib/http/handler";
import { startRun, startRunSchema } from "@/lib/runs/start-run";

export const GET = withUser("GET /api/runs", async (_request, user) =>
  NextResponse.json({ runs: await listRuns({ userId: user.id, isAdmin: user.role === "admin" }) }),
);

export const POST = withUser("POST /api/runs", async (request, user) => {
  if (Number(request.headers.get("content-length") ?? 0) > 64 * 1024) throw new AppError("payload_too_large", "The request body is too large; a prompt is at most 4,000 characters.");
  const body = await request.json().catch(() => null);
  const parsed = startRunSchema.safeParse(body);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Send { prompt, target?, replace?, engine? } as JSON.");
  const id = await startRun({ user, ...parsed.data });
  return NextResponse.json({ id, url: `/runs/${id}` }, { status: 202 });
});
