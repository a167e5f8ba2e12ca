// POST /api/runs/[id]/rollback – put back the version of the table this run replaced
import { NextResponse } from "next/server";
import { getRoleClients } from "@/lib/db";
import { getEventStore } from "@/lib/events/live";
import { withUser } from "@/lib/http/handler";
import { getRunForUser } from "@/lib/runs/access";
import { rollbackRun } from "@/lib/tables/rollback-run";

export const POST = withUser<{ id: string }>("POST /api/runs/[id]/rollback", async (_request, user, { id }) => {
  const run = await getRunForUser({ id, user });
  const { message } = await rollbackRun({ sql: (await getRoleClients()).builder, events: getEventStore(), run, user });
  return NextResponse.json({ ok: true, message });
});
