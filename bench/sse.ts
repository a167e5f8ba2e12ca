import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";
import { createDatabase, type SqlClient } from "@/lib/db/client";
import { createRun, updateRun } from "@/lib/db/queries/runs";
import { LiveHub } from "@/lib/events/live-hub";
import { createPostgresEventStore } from "@/lib/events/postgres-store";
import { runEventStream } from "@/lib/events/sse-stream";
import type { EventStore } from "@/lib/events/types";
import type { PipelineHarness } from "@/agents/testing/pipeline-harness";
import { quantile, round } from "./stats";

const EVENTS = 20;

/** An HTTP server streaming `/?run=<id>` the way the events route does; `port` to connect to. */
export async function serveRunEvents(store: EventStore, hub: LiveHub): Promise<{ port: number; server: Server }> {
  const server = createServer((request, response) => {
    const runId = new URL(request.url!, "http://x").searchParams.get("run")!;
    const abort = new AbortController();
    request.on("close", () => abort.abort());
    response.writeHead(200, { "Content-Type": "text/event-stream" });
    // Read and written the way Next.js serves a route handler's stream: a reader loop into the socket.
    const reader = runEventStream({
      runId,
      after: 0,
      store,
      hub,
      hasEnded: async () => false,
      signal: abort.signal,
    }).getReader();
    void (async () => {
      for (let next = await reader.read(); !next.done; next = await reader.read()) response.write(next.value);
      response.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

/**
 * Opens `n` SSE clients on a new bench run, then appends events `gapMs` apart, `events` of them
 * or, with `during`, for as long as it takes (started once every client listens), then a final
 * one, and reports how long each took from append to arrival at each client.
 */
export async function measureDelivery({
  sql,
  userId,
  store,
  hub,
  port,
  n,
  events = EVENTS,
  gapMs = 20,
  during,
}: {
  sql: SqlClient;
  /** Who the bench run belongs to. */
  userId: string;
  store: EventStore;
  hub: LiveHub;
  port: number;
  n: number;
  events?: number;
  gapMs?: number;
  during?: () => Promise<unknown>;
}) {
  const db = createDatabase(sql);
  const run = await createRun({ userId, prompt: "sse bench", db });
  await updateRun({ id: run.id, status: "running", db });
  const sentAt = new Map<number, number>();
  const listening = hub.size;
  const clients = new Worker(new URL("./sse-clients.mjs", import.meta.url), {
    workerData: { host: "127.0.0.1", port, path: `/?run=${run.id}`, n },
  });
  const arrivals = new Promise<[number, number][]>((resolve, reject) =>
    clients.once("message", resolve).once("error", reject),
  );
  while (hub.size < listening + n) await new Promise((resolve) => setTimeout(resolve, 10));
  let busy = during !== undefined;
  const load = during?.().finally(() => {
    busy = false;
  });
  const append = async (seq: number, final: boolean) => {
    sentAt.set(seq, performance.timeOrigin + performance.now());
    await store.append(run.id, {
      agent: "executor",
      level: "info",
      message: `event ${seq}`,
      payload: final ? { final: true } : undefined,
    });
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  };
  let seq = 0;
  while (load ? busy : seq < events) await append(++seq, false);
  await load;
  await append(++seq, true);
  const latencies = (await arrivals).map(([id, at]) => at - sentAt.get(id)!);
  await clients.terminate();
  return {
    subscribers: n,
    deliveries: latencies.length,
    p50Ms: round(quantile(latencies, 0.5)),
    p99Ms: round(quantile(latencies, 0.99)),
    maxMs: round(Math.max(...latencies)),
  };
}

/**
 * Event append → received by an HTTP client reading the SSE stream, with `n` clients on one
 * server process sharing one LISTEN (goal: p99 < 100 ms at 500).
 */
export async function benchSse(h: PipelineHarness, counts = [1, 100, 500]) {
  const store = createPostgresEventStore(h.sql);
  const hub = new LiveHub(h.sql, store);
  const { port, server } = await serveRunEvents(store, hub);
  const results = [];
  try {
    for (const n of counts)
      results.push(await measureDelivery({ sql: h.sql, userId: h.admin.id, store, hub, port, n }));
  } finally {
    server.close();
  }
  return results;
}
