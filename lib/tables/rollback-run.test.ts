import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/lib/db/client";
import { runs, type Run } from "@/lib/db/schema";
import { createPostgresEventStore } from "@/lib/events/postgres-store";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";
import type { Actor } from "./actor";
import { getPublishState } from "./publish-state";
import { rollbackRun } from "./rollback-run";

const STATUS = "number of orders per status";

describe.each(testServers())("rolling back a run on $name Postgres", (server) => {
  let h: PipelineHarness;
  let db: Database;
  let mia: Actor;
  beforeAll(async () => {
    h = await createPipelineHarness(server);
    db = createDatabase(h.sql);
    mia = await h.createUser("mia@example.com", "member");
  });
  afterAll(async () => h?.close());

  const load = async (id: string): Promise<Run> => (await db.select().from(runs).where(eq(runs.id, id)))[0];
  const rollBack = async (id: string, user: Actor = h.admin) =>
    rollbackRun({ sql: h.sql, db, events: createPostgresEventStore(h.sql), run: await load(id), user });
  const publish = async (table: string, version: string, user?: Actor) => {
    const outcome = await h.run(STATUS, { targetTable: table, replace: true }, { user });
    expect(outcome.status, outcome.error).toBe("succeeded");
    // Marks each version, so a test can tell which one is in place.
    await h.sql.unsafe(`alter table ${table} add column version text default '${version}'`);
    return outcome.runId;
  };
  const versionOf = async (table: string) =>
    (await h.sql.unsafe(`select distinct version from ${table}`)).map((r) => r.version);

  it("restores exactly the version the run replaced, once, and writes it to the run's timeline", async () => {
    const first = await publish("rb_counts", "first");
    const second = await publish("rb_counts", "second");
    expect(await getPublishState({ run: await load(first), db })).toMatchObject({
      kind: "replaced",
      by: { id: second },
    });

    await expect(rollBack(first)).rejects.toMatchObject({
      code: "conflict",
      message: "A newer run has published public.rb_counts since; roll back from that run's page.",
    });
    expect(await versionOf("rb_counts")).toEqual(["second"]);

    expect((await rollBack(second)).message).toBe(
      "Rolled back by tester@example.com: public.rb_counts is again the version this run replaced; this run's version is set aside as rb_counts__rolled_back.",
    );
    expect(await versionOf("rb_counts")).toEqual(["first"]);
    expect(await versionOf("rb_counts__rolled_back")).toEqual(["second"]);
    const [last] =
      await h.sql`select agent, message from datamorph.run_events where run_id = ${second} order by seq desc limit 1`;
    expect(last).toEqual({ agent: "publisher", message: expect.stringMatching(/^Rolled back by tester@example\.com/) });
    expect(await getPublishState({ run: await load(second), db })).toMatchObject({
      kind: "rolled-back",
      by: "tester@example.com",
    });
    expect(await getPublishState({ run: await load(first), db })).toEqual({ kind: "current" });

    // Not a toggle: a second click is refused and changes nothing.
    await expect(rollBack(second)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(
        /^This run was already rolled back on \d{4}-\d\d-\d\d \d\d:\d\d UTC by tester@example\.com; public\.rb_counts holds the version before it\. Re-run it to publish it again\.$/,
      ),
    });
    expect(await versionOf("rb_counts")).toEqual(["first"]);
    // The first run made the table: there is nothing before it.
    await expect(rollBack(first)).rejects.toMatchObject({
      code: "conflict",
      message:
        "public.rb_counts was a new table when this run published it; there is no earlier version to go back to.",
    });
    expect(await versionOf("rb_counts")).toEqual(["first"]);
  });

  it("refuses a run whose replaced version is no longer kept, and changes nothing", async () => {
    await publish("chain_counts", "a");
    const b = await publish("chain_counts", "b");
    const c = await publish("chain_counts", "c");
    await rollBack(c);
    expect(await versionOf("chain_counts")).toEqual(["b"]);
    // b replaced a, but c's publish dropped a to keep b: b cannot bring back a, nor c's version.
    await expect(rollBack(b)).rejects.toMatchObject({
      code: "conflict",
      message:
        "The version this run replaced (chain_counts__previous) is no longer kept, so public.chain_counts was left as it is.",
    });
    expect(await versionOf("chain_counts")).toEqual(["b"]);
    expect((await load(b)).rolledBackAt).toBeNull();
  });

  it("never lets a member roll back another user's run", async () => {
    await publish("admins_counts", "one");
    const two = await publish("admins_counts", "two");
    await expect(rollBack(two, mia)).rejects.toMatchObject({ code: "forbidden", status: 403 });
    expect(await versionOf("admins_counts")).toEqual(["two"]);
    expect((await load(two)).rolledBackAt).toBeNull();
  });

  it("refuses a run that published nothing", async () => {
    const rejected = await h.run("write a poem about databases");
    await expect(rollBack(rejected.runId)).rejects.toMatchObject({
      code: "bad_request",
      message: "Only a run that published a table can be rolled back.",
    });
  });
});
