// GET /api/runs/[id]/events – live run events (SSE), resumable with Last-Event-ID
import { z } from "zod";
import { getRunById } from "@/lib/db/queries/runs";
import { getEnv } from "@/lib/env";
import { getEventStore, getLiveHub } from "@/lib/events/live";
import { runEventStream } from "@/lib/events/sse-stream";
import { withUser } from "@/lib/http/handler";
import { getRunForUser } from "@/lib/runs/access";

export const dynamic = "force-dynamic";

const afterSchema = z.coerce.number().int().min(0).catch(0);

// On Lambda the response dies at the function's timeout (60 s behind CloudFront): ending it a
// little earlier lets the browser reconnect cleanly and resume with Last-Event-ID.
const LAMBDA_MAX_STREAM_MS = 50_000;

export const GET = withUser<{ id: string }>("GET /api/runs/[id]/events", async (request, user, { id }) => {
  await getRunForUser({ id, user });
  const url = new URL(request.url);
  const after = afterSchema.parse(request.headers.get("last-event-id") ?? url.searchParams.get("after") ?? 0);
  const stream = runEventStream({
    runId: id,
    after,
    store: getEventStore(),
    hub: getLiveHub(),
    hasEnded: async () =>
      !["queued", "running", "needs_input"].includes((await getRunById({ id }))?.status ?? "failed"),
    signal: request.signal,
    maxDurationMs: getEnv().onLambda ? LAMBDA_MAX_STREAM_MS : undefined,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
