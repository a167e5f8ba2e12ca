import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";

const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";

describe.each(testServers())("pipeline on $name Postgres", (server) => {
  let h: PipelineHarness;
  beforeAll(async () => {
    h = await createPipelineHarness(server);
  });
  afterAll(async () => h?.close());

  it("builds the seed example and the table equals hand-written SQL", async () => {
    const outcome = await h.run(SEED);
    expect(outcome.status, outcome.error).toBe("succeeded");
    expect(outcome.target).toEqual({ schema: "public", table: "customer_order_totals" });
    expect(outcome.rowCount).toBe(4800);
    const diff = await h.sql`
      (select customer_id, total_order_amount from customer_order_totals
       except select c.customer_id, sum(o.amount) from customers c join orders o on o.customer_id = c.customer_id group by c.customer_id)
      union all
      (select c.customer_id, sum(o.amount) from customers c join orders o on o.customer_id = c.customer_id group by c.customer_id
       except select customer_id, total_order_amount from customer_order_totals)`;
    expect(diff).toEqual([]);
    expect(outcome.tests.map((t) => [t.name, t.passed])).toEqual(
      expect.arrayContaining([
        ["grain_unique", true],
        ["reconcile_total_order_amount", true],
      ]),
    );
    expect(outcome.tests.every((t) => t.clause && t.description)).toBe(true);
    for (const file of ["spec.json", "query.sql", "job.py", "tests.json"])
      expect(existsSync(path.join(h.artifactsDir, "artifacts", outcome.runId, file))).toBe(true);
  });

  it("logs every stage as ordered events, passes included", async () => {
    const outcome = await h.run(SEED, { targetTable: "seed_again" });
    const events =
      await h.sql`select seq, agent, level from datamorph.run_events where run_id = ${outcome.runId} order by seq`;
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const agents = [...new Set(events.map((e) => e.agent))];
    expect(agents).toEqual(["orchestrator", "planner", "profiler", "codegen", "executor", "validator", "publisher"]);
    const [run] =
      await h.sql`select status, row_count, target_table, started_at, finished_at from datamorph.runs where id = ${outcome.runId}`;
    expect(run).toMatchObject({ status: "succeeded", row_count: 4800, target_table: "seed_again" });
    expect(new Date(run.finished_at).getTime()).toBeGreaterThanOrEqual(new Date(run.started_at).getTime());
  });

  it("republishes atomically, keeping the replaced version for rollback", async () => {
    await h.sql`update customer_order_totals set total_order_amount = -1 where customer_id = 1`;
    const outcome = await h.run(SEED, { targetTable: "customer_order_totals", replace: true });
    expect(outcome.status, outcome.error).toBe("succeeded");
    const [previous] =
      await h.sql`select total_order_amount from customer_order_totals__previous where customer_id = 1`;
    const [current] = await h.sql`select total_order_amount from customer_order_totals where customer_id = 1`;
    expect(Number(previous.total_order_amount)).toBe(-1);
    expect(Number(current.total_order_amount)).toBeGreaterThan(0);
  });

  it("repairs a join fanned out by exact duplicate rows in a dimension, then publishes", async () => {
    await h.sql`create table customer_tiers (customer_id integer, tier text)`;
    await h.sql`insert into customer_tiers select customer_id, case when customer_id % 3 = 0 then 'gold' else 'silver' end from customers`;
    await h.sql`insert into customer_tiers select customer_id, tier from customer_tiers where customer_id <= 40`; // a double load
    const outcome = await h.run("Join orders and customer_tiers on customer_id, calculate total amount per tier");
    expect(outcome.status, outcome.error).toBe("succeeded");
    const remedy =
      await h.sql`select payload from datamorph.run_events where run_id = ${outcome.runId} and agent = 'remediator'`;
    expect(remedy).toHaveLength(1);
    expect(remedy[0].payload).toMatchObject({
      round: 1,
      cause: "duplicate_dimension_rows",
      changes: [{ path: "sources[1].distinct", after: true }],
    });
    const firstRound =
      await h.sql`select payload from datamorph.run_events where run_id = ${outcome.runId} and agent = 'validator' and level = 'error'`;
    expect(firstRound[0].payload.results.find((r: { kind: string }) => r.kind === "reconcile")).toMatchObject({
      passed: false,
    });
    const expected =
      "select t.tier, sum(o.amount) from orders o join (select distinct * from customer_tiers) t on t.customer_id = o.customer_id group by t.tier";
    const published = `select * from "${outcome.target!.table}"`;
    expect(await h.sql.unsafe(`(${published} except ${expected}) union all (${expected} except ${published})`)).toEqual(
      [],
    );
  });

  it("refuses to repair conflicting duplicates and leaves nothing behind", async () => {
    await h.sql`create table customer_regions (customer_id integer, region text)`;
    await h.sql`insert into customer_regions select customer_id, 'north' from customers`;
    await h.sql`insert into customer_regions select customer_id, 'south' from customers where customer_id <= 10`;
    const before = await h.tables();
    const outcome = await h.run("Join orders and customer_regions on customer_id, calculate total amount per region");
    expect(outcome.status, outcome.error).toBe("failed");
    expect(outcome.error).toMatch(/customer_regions.*more than one differing row/);
    expect(await h.tables()).toEqual(before);
  });

  it("rejects unsafe and unknown requests without creating anything, and says which the planner saw", async () => {
    const before = await h.tables();
    const cases = [
      ["drop the orders table", "unsafe"],
      ["write a poem about databases", "not_understood"],
      ["total amount per wombat", "not_understood"],
    ];
    for (const [prompt, code] of cases) {
      const outcome = await h.run(prompt);
      expect(outcome.status, prompt).toBe("rejected");
      expect(outcome.error, prompt).toMatch(/\w/);
      expect(outcome.rejectCode, prompt).toBe(code);
    }
    expect(await h.tables()).toEqual(before);
  });

  it("never overwrites a table DataMorph did not publish", async () => {
    const [{ n }] = await h.sql`select count(*)::int as n from orders`;
    for (const replace of [false, true]) {
      const outcome = await h.run(SEED, { targetTable: "orders", replace });
      expect(outcome.status, outcome.error).toBe("rejected");
      expect(outcome.error).toMatch(/public\.orders already exists and was not created by DataMorph/);
      // Refused at the target, not by the planner: no planner reason.
      expect(outcome.rejectCode).toBeUndefined();
    }
    expect((await h.sql`select count(*)::int as n from orders`)[0].n).toBe(n);
  });
});
