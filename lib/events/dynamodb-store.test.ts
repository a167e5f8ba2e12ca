import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalDynamoDb, type LocalDynamoDb } from "@/lib/testing/dynalite";
import { createDynamoDbEventStore, createEventsTable } from "./dynamodb-store";
import type { EventStore } from "./types";

const tableName = "run-events";

describe("DynamoDB event store", () => {
  let dynamo: LocalDynamoDb;
  let store: EventStore;

  beforeAll(async () => {
    dynamo = await startLocalDynamoDb();
    await createEventsTable({ client: dynamo.client, tableName });
    store = createDynamoDbEventStore({ client: dynamo.client, tableName });
  });
  afterAll(async () => dynamo?.close());

  it("numbers a run's events from 1 and reads them back as written", async () => {
    const runId = randomUUID();
    const first = await store.append(runId, { agent: "planner", level: "info", message: "planning" });
    await store.append(runId, {
      agent: "codegen",
      level: "success",
      message: "",
      payload: { sql: "select 1", rows: [1, null, 2.5], nested: { ok: true } },
      durationMs: 1234,
    });
    await store.append(runId, {
      agent: "validator",
      level: "warn",
      message: "2 nulls",
      payload: "plain text",
      durationMs: 0,
    });

    expect(first).toMatchObject({ runId, seq: 1, agent: "planner" });
    expect(Date.parse(first.at)).not.toBeNaN();
    const events = await store.listAfter(runId, 0);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]).toEqual(first);
    expect(events[0]).not.toHaveProperty("payload", expect.anything());
    expect(events[1]).toMatchObject({
      message: "",
      payload: { sql: "select 1", rows: [1, null, 2.5], nested: { ok: true } },
      durationMs: 1234,
    });
    expect(events[2]).toMatchObject({ payload: "plain text", durationMs: 0 });
  });

  it("resumes after a given seq without gaps, and returns nothing past the end", async () => {
    const runId = randomUUID();
    for (let i = 1; i <= 7; i++) await store.append(runId, { agent: "executor", level: "info", message: `step ${i}` });

    expect((await store.listAfter(runId, 4)).map((e) => e.message)).toEqual(["step 5", "step 6", "step 7"]);
    expect(await store.listAfter(runId, 7)).toEqual([]);
    expect(await store.listAfter(randomUUID(), 0)).toEqual([]);
  });

  it("gives 20 concurrent appends from two writers the seqs 1..20, each event kept once", async () => {
    const runId = randomUUID();
    const writers = [store, createDynamoDbEventStore({ client: dynamo.connect(), tableName })];
    const messages = Array.from({ length: 20 }, (_, i) => `message ${i}`);

    const appended = await Promise.all(
      messages.map((message, i) => writers[i % 2].append(runId, { agent: "executor", level: "info", message })),
    );

    expect(appended.map((e) => e.seq).sort((a, b) => a - b)).toEqual(messages.map((_, i) => i + 1));
    const events = await store.listAfter(runId, 0);
    expect(events.map((e) => e.seq)).toEqual(messages.map((_, i) => i + 1));
    expect(events.map((e) => e.message).sort()).toEqual([...messages].sort());
    for (const event of appended) expect(events[event.seq - 1].message).toBe(event.message);
  });

  it("fails an append whose retries run out instead of overwriting another writer's event", async () => {
    const runId = randomUUID();
    const impatient = createDynamoDbEventStore({ client: dynamo.client, tableName, maxAttempts: 1 });

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        impatient.append(runId, { agent: "executor", level: "info", message: `m${i}` }),
      ),
    );

    const kept = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const failed = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((e) => e.name === "ConditionalCheckFailedException")).toBe(true);
    const events = await store.listAfter(runId, 0);
    expect(events.map((e) => e.seq)).toEqual(kept.map((_, i) => i + 1));
    expect(events.map((e) => e.message).sort()).toEqual(kept.map((e) => e.message).sort());
  });

  it("keeps the events of different runs apart", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await Promise.all([
      store.append(a, { agent: "planner", level: "info", message: "a1" }),
      store.append(b, { agent: "planner", level: "info", message: "b1" }),
    ]);
    await store.append(a, { agent: "profiler", level: "info", message: "a2" });

    expect((await store.listAfter(a, 0)).map((e) => [e.runId, e.seq, e.message])).toEqual([
      [a, 1, "a1"],
      [a, 2, "a2"],
    ]);
    expect((await store.listAfter(b, 0)).map((e) => [e.runId, e.seq, e.message])).toEqual([[b, 1, "b1"]]);
  });

  it("reads a run longer than one Query page to its end", async () => {
    const runId = randomUUID();
    const paged = createDynamoDbEventStore({ client: dynamo.client, tableName, pageSize: 25 });
    for (let i = 1; i <= 120; i++) await paged.append(runId, { agent: "executor", level: "info", message: `row ${i}` });

    const events = await paged.listAfter(runId, 0);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect((await paged.listAfter(runId, 30)).map((e) => e.seq)).toEqual(Array.from({ length: 90 }, (_, i) => i + 31));
  });
});
