// POST /api/runs/[id]/verify – keep a succeeded run's prompt and plan as a verified example
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handler";
import { getEventStore } from "@/lib/events/live";
import { getRunForUser } from "@/lib/runs/access";
import { verifyRun } from "@/lib/runs/verify-run";

export const POST = withUser<{ id: string }>("POST /api/runs/[id]/verify", async (_request, user, { id }) => {
  const run = await getRunForUser({ id, user });
  const { approved } = await verifyRun({ run, user, events: getEventStore() });
  return NextResponse.json({ id, verified: true, appliesTo: approved ? "everyone" : "you" });
});
