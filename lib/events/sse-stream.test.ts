import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";
import { LiveHub } from "./live-hub";
import { createPostgresEventStore } from "./postgres-store";
import { runEventStream } from "./sse-stream";
import type { EventStore } from "./types";

/** Reads an SSE stream to its end, returning the ids of the run events and whether it said "end". */
async function readAll(stream: ReadableStream<Uint8Array>) {
  const text = await new Response(stream).text();
  const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
  return { ids, ended: text.includes("event: end") };
}

describe("live run events over SSE", () => {
  let h: PipelineHarness;
  let store: EventStore;
  let hub: LiveHub;
  let runId: string;

  beforeAll(async () => {
    h = await createPipelineHarness(testServers()[0], { demo: false });
    store = createPostgresEventStore(h.sql);
    hub = new LiveHub(h.sql, store);
    const [run] =
      await h.sql`insert into datamorph.runs (user_id, prompt, status) select id, 'live', 'running' from datamorph.users limit 1 returning id`;
    runId = run.id;
  });
  afterAll(async () => h?.close());

  const stream = (after: number) =>
    runEventStream({ runId, after, store, hub, hasEnded: async () => false, signal: new AbortController().signal });

  it("sends the backlog, then each new event as it is written, and ends after the final one", async () => {
    for (const message of ["one", "two", "three"])
      await store.append(runId, { agent: "planner", level: "info", message });
    const reading = readAll(stream(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (let i = 0; i < 20; i++) await store.append(runId, { agent: "executor", level: "info", message: `live ${i}` });
    await store.append(runId, { agent: "orchestrator", level: "success", message: "done", payload: { final: true } });
    const { ids, ended } = await reading;
    expect(ids).toEqual(Array.from({ length: 23 }, (_, i) => i + 2));
    expect(ended).toBe(true);
    expect(hub.size).toBe(0);
  });

  it("resumes after Last-Event-ID without gaps or repeats", async () => {
    const { ids } = await readAll(stream(20));
    expect(ids).toEqual([21, 22, 23, 24]);
  });

  it("closes at its time limit without saying end, and the reconnect resumes where it stopped", async () => {
    const [run] =
      await h.sql`insert into datamorph.runs (user_id, prompt, status) select id, 'long', 'running' from datamorph.users limit 1 returning id`;
    const open = (after: number) =>
      runEventStream({
        runId: run.id,
        after,
        store,
        hub,
        hasEnded: async () => false,
        signal: new AbortController().signal,
        maxDurationMs: 300,
      });
    await store.append(run.id, { agent: "planner", level: "info", message: "before" });
    const first = await new Response(open(0)).text();
    expect(first).toMatch(/retry: \d+\n\n$/);
    expect(first).not.toContain("event: end");
    await store.append(run.id, { agent: "orchestrator", level: "success", message: "done", payload: { final: true } });
    expect(await readAll(open(1))).toEqual({ ids: [2], ended: true });
  });

  it("ends at once for a run that stopped without a final event", async () => {
    const [run] =
      await h.sql`insert into datamorph.runs (user_id, prompt, status) select id, 'cut off', 'interrupted' from datamorph.users limit 1 returning id`;
    await store.append(run.id, { agent: "planner", level: "info", message: "started" });
    const ended = runEventStream({
      runId: run.id,
      after: 0,
      store,
      hub,
      hasEnded: async () => true,
      signal: new AbortController().signal,
    });
    expect(await readAll(ended)).toEqual({ ids: [1], ended: true });
  });
});
