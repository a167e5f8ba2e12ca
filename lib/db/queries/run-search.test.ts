import { describe, expect, it } from "vitest";
import { parseRunsQuery } from "@/lib/runs/runs-query";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";

useMigratedAppDatabase();

describe("searching the runs list", () => {
  it("finds runs by prompt, table, pipeline and status, a page at a time, and only the user's own unless an administrator", async () => {
    const { getSql } = await import("@/lib/db");
    const { searchRuns } = await import("./run-search");
    const sql = getSql();
    const [ada, bob] =
      await sql`insert into datamorph.users (email, name, password_hash) values ('ada@example.com', 'Ada', 'x'), ('bob@example.com', 'Bob', 'x') returning id`;
    const [pipeline] =
      await sql`insert into datamorph.pipelines (name, user_id) values ('Nightly revenue', ${ada.id}) returning id`;
    for (let i = 0; i < 30; i++) {
      await sql`insert into datamorph.runs (user_id, prompt, status, target_schema, target_table, created_at)
                values (${ada.id}, ${`orders of week ${i}`}, ${i % 3 === 0 ? "failed" : "succeeded"}, 'public', ${`weekly_${i}`}, now() - make_interval(mins => ${i}))`;
    }
    await sql`insert into datamorph.runs (user_id, prompt, status, pipeline_id) values (${ada.id}, 'revenue per day', 'succeeded', ${pipeline.id})`;
    await sql`insert into datamorph.runs (user_id, prompt, status) values (${ada.id}, 'discount of 100% off_items', 'succeeded')`;
    await sql`insert into datamorph.runs (user_id, prompt, status) values (${bob.id}, 'orders of bob', 'failed')`;
    const search = (params: Record<string, string>, isAdmin = false) =>
      searchRuns({ userId: ada.id, isAdmin, query: parseRunsQuery(params), pageSize: 10 });

    const first = await search({ q: "ORDERS OF WEEK" });
    expect(first.total).toBe(30);
    expect(first.runs.map((r) => r.prompt).slice(0, 2)).toEqual(["orders of week 0", "orders of week 1"]);
    const third = await search({ q: "orders of week", page: "3" });
    expect(third.runs.map((r) => r.prompt)).toEqual(Array.from({ length: 10 }, (_, i) => `orders of week ${20 + i}`));
    expect((await search({ q: "orders of week", status: "failed" })).total).toBe(10);
    expect((await search({ q: "public.weekly_7" })).runs.map((r) => r.prompt)).toEqual(["orders of week 7"]);
    expect((await search({ q: "nightly" })).runs.map((r) => r.prompt)).toEqual(["revenue per day"]);
    // % and _ are searched for as themselves, not as wildcards.
    expect((await search({ q: "100%" })).runs.map((r) => r.prompt)).toEqual(["discount of 100% off_items"]);
    expect((await search({ q: "f_i" })).total).toBe(1);
    expect((await search({ q: "%" })).total).toBe(1);

    expect((await search({ q: "bob" })).total).toBe(0);
    expect((await search({ q: "bob" }, true)).runs.map((r) => r.prompt)).toEqual(["orders of bob"]);
    expect((await search({ q: "bob@example" }, true)).total).toBe(1);
    expect((await search({ q: "orders", mine: "1" }, true)).total).toBe(30);
  });

  it("keeps the runs evaluations made apart from people's runs, their counts and the dashboard", async () => {
    const { getSql } = await import("@/lib/db");
    const { searchRuns } = await import("./run-search");
    const { getRunStats, listRuns } = await import("./runs");
    const { getDashboard } = await import("./dashboard");
    const sql = getSql();
    const [cy] =
      await sql`insert into datamorph.users (email, name, password_hash) values ('cy@example.com', 'Cy', 'x') returning id`;
    await sql`insert into datamorph.runs (user_id, prompt, status, started_at, finished_at)
              values (${cy.id}, 'asked by a person', 'succeeded', now(), now()),
                     (${cy.id}, 'asked by an evaluation', 'failed', now(), now())`;
    await sql`update datamorph.runs set trigger = 'evaluation' where prompt = 'asked by an evaluation'`;
    const viewer = { userId: cy.id, isAdmin: false };
    const people = await searchRuns({ ...viewer, query: parseRunsQuery({}) });
    expect(people.runs.map((r) => r.prompt)).toEqual(["asked by a person"]);
    const evaluations = await searchRuns({ ...viewer, query: parseRunsQuery({ kind: "evaluation" }) });
    expect(evaluations.runs.map((r) => r.prompt)).toEqual(["asked by an evaluation"]);
    expect((await listRuns(viewer)).map((r) => r.prompt)).toEqual(["asked by a person"]);
    const stats = await getRunStats(viewer);
    expect([stats.total, stats.successRate, stats.byStatus.failed]).toEqual([1, 1, undefined]);
    const dashboard = await getDashboard(viewer);
    expect(dashboard.runsPerDay.reduce((n, d) => n + d.succeeded + d.failed, 0)).toBe(1);
    expect(dashboard.totals.runs).toBe(1);
  });
});
