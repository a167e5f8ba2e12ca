import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";
import { LiveHub } from "@/lib/events/live-hub";
import { createPostgresEventStore } from "@/lib/events/postgres-store";
import { runEventStream } from "@/lib/events/sse-stream";
import type { PipelineHarness } from "@/lib/testing/pipeline-harness";
import { quantile, round } from "./stats";

const EVENTS = 20;

/**
 * Event append → received by an HTTP client reading the SSE stream, with `n` clients on one
 * server process sharing one LISTEN (goal: p99 < 100 ms at 500).
 */
export async function benchSse(h: PipelineHarness, counts = [1, 100, 500]) {
  const store = createPostgresEventStore(h.sql);
  const hub = new LiveHub(h.sql, store);
  const server = createServer((request, response) => {
    const runId = new URL(request.url!, "http://x").searchParams.get("run")!;
    const abort = new AbortController();
    request.on("close", () => abort.abort());
    response.writeHead(200, { "Content-Type": "text/event-stream" });
    // Read and written the way Next.js serves a route handler's stream: a reader loop into the socket.
    const reader = runEventStream({ runId, after: 0, store, hub, hasEnded: async () => false, signal: abort.signal }).getReader();
    void (async () => {
      for (let next = await reader.read(); !next.done; next = await reader.read()) response.write(next.value);
      response.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const results = [];
  try {
    for (const n of counts) {
      const [run] = await h.sql`insert into datamorph.runs (user_id, prompt, status) select id, 'sse bench', 'running' from datamorph.users limit 1 returning id`;
      const sentAt = new Map<number, number>();
      const clients = new Worker(new URL("./sse-clients.mjs", import.meta.url), { workerData: { host: "127.0.0.1", port, path: `/?run=${run.id}`, n } });
      const arrivals = new Promise<[number, number][]>((resolve, reject) => clients.once("message", resolve).once("error", reject));
      while (hub.size < n) await new Promise((resolve) => setTimeout(resolve, 10));
      for (let i = 1; i <= EVENTS + 1; i++) {
        sentAt.set(i, performance.timeOrigin + performance.now());
        await store.append(run.id, { agent: "executor", level: "info", message: `event ${i}`, payload: i > EVENTS ? { final: true } : undefined });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const latencies = (await arrivals).map(([seq, at]) => at - sentAt.get(seq)!);
      await clients.terminate();
      results.push({ subscribers: n, deliveries: latencies.length, p50Ms: round(quantile(latencies, 0.5)), p99Ms: round(quantile(latencies, 0.99)), maxMs: round(Math.max(...latencies)) });
    }
  } finally {
    server.close();
  }
  return results;
}
