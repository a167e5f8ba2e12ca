// GET /api/runs/[id] – one run with its events so far
import { NextResponse } from "next/server";
import { getEventStore } from "@/lib/events/live";
import { withUser } from "@/lib/http/handler";
import { getRunForUser } from "@/lib/runs/access";

export const GET = withUser<{ id: string }>("GET /api/runs/[id]", async (_request, user, { id }) => {
  const run = await getRunForUser({ id, user });
  return NextResponse.json({ run, events: await getEventStore().listAfter(id, 0) });
});
