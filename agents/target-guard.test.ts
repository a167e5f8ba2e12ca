import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";
import type { Actor } from "@/lib/tables/actor";

const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";
const TOP = "top 10 customers by total order amount";
const STATUS = "number of orders per status";

describe.each(testServers())("which tables a run may replace, on $name Postgres", (server) => {
  let h: PipelineHarness;
  let mia: Actor;
  beforeAll(async () => {
    h = await createPipelineHarness(server);
    mia = await h.createUser("mia@example.com", "member");
  });
  afterAll(async () => h?.close());

  const count = async (table: string) => (await h.sql.unsafe(`select count(*)::int as n from ${table}`))[0].n as number;
  const events = async (runId: string) =>
    (await h.sql`select agent, level, message from datamorph.run_events where run_id = ${runId} order by seq`).map(
      (e) => `${e.agent} ${e.level}: ${e.message}`,
    );

  it("gives two runs that plan the same name at once two tables, replacing neither", async () => {
    const [seed, top] = await Promise.all([h.run(SEED), h.run(TOP)]);
    expect([seed.status, top.status], `${seed.error} ${top.error}`).toEqual(["succeeded", "succeeded"]);
    // Both plan customer_order_totals; whichever settles second takes the next free name.
    expect([seed.target!.table, top.target!.table].sort()).toEqual([
      "customer_order_totals",
      "customer_order_totals_2",
    ]);
    expect(await count(seed.target!.table)).toBe(4800);
    expect(await count(top.target!.table)).toBe(10);
    expect(await h.tables()).not.toContain(`${seed.target!.table}__previous`);
    const [row] = await h.sql`select target_table from datamorph.runs where id = ${top.runId}`;
    expect(row.target_table).toBe(top.target!.table);
  });

  it("publishes an automatic name that is taken under the next free one, and says so", async () => {
    const before = await count("customer_order_totals").catch(() => 0);
    const again = await h.run(SEED);
    expect(again.status, again.error).toBe("succeeded");
    expect(again.target!.table).toBe("customer_order_totals_3");
    expect(await count("customer_order_totals")).toBe(before);
    expect((await events(again.runId)).join("\n")).toContain(
      `public.customer_order_totals already exists, so this run publishes public.${again.target!.table} instead and replaces nothing`,
    );
  });

  it("needs an explicit replace for a named target, and names the run that published it", async () => {
    const first = await h.run(STATUS, { targetTable: "status_counts" });
    expect(first.status, first.error).toBe("succeeded");
    await h.sql`update status_counts set order_count = -1`;
    const second = await h.run(STATUS, { targetTable: "status_counts" });
    expect(second.status).toBe("rejected");
    expect(second.error).toMatch(
      new RegExp(
        `^public\\.status_counts already exists: run ${first.runId} by tester@example\\.com, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC published it\\. To replace it, tick "Replace the existing table" \\(CLI: --replace, API: "replace": true\\)`,
      ),
    );
    expect((await h.sql`select distinct order_count::int from status_counts`).map((r) => r.order_count)).toEqual([-1]);

    const third = await h.run(STATUS, { targetTable: "status_counts", replace: true });
    expect(third.status, third.error).toBe("succeeded");
    expect(
      (await h.sql`select distinct order_count::int from status_counts__previous`).map((r) => r.order_count),
    ).toEqual([-1]);
    const [run] = await h.sql`select kept_previous from datamorph.runs where id = ${third.runId}`;
    expect(run.kept_previous).toBe(true);
  });

  it("never lets a member replace another user's table, even when asked", async () => {
    const rows = await h.sql`select * from status_counts order by 1`;
    const outcome = await h.run(STATUS, { targetTable: "status_counts", replace: true }, { user: mia });
    expect(outcome.status).toBe("rejected");
    expect(outcome.error).toMatch(
      /^public\.status_counts was published by another user \(run [0-9a-f-]{36} by tester@example\.com, .*\); you can replace only tables you published\./,
    );
    expect(await h.sql`select * from status_counts order by 1`).toEqual(rows);
  });

  it("lets an administrator replace a member's table, and writes it to the timeline", async () => {
    const mine = await h.run(STATUS, { targetTable: "mia_status" }, { user: mia });
    expect(mine.status, mine.error).toBe("succeeded");
    const theirs = await h.run(STATUS, { targetTable: "mia_status", replace: true });
    expect(theirs.status, theirs.error).toBe("succeeded");
    expect(await events(theirs.runId)).toContain(
      `publisher warn: Administrator tester@example.com replaces public.mia_status, published by mia@example.com (run ${mine.runId}); that version is kept as mia_status__previous.`,
    );
    expect(await count("mia_status__previous")).toBe(await count("mia_status"));
  });
});
