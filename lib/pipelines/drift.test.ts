import { describe, expect, it } from "vitest";
import { runCliJson } from "@/lib/testing/run-cli";
import { useCliDatabase } from "@/lib/testing/test-database";

type Json = Record<string, any>;

describe("a pipeline whose sources changed shape", () => {
  const database = useCliDatabase({ demo: true });
  const cli = (args: string[]) => runCliJson<Json>(args, database.url);
  const published = () => database.sql`select * from shipped_totals order by customer_id`;
  const agentsOf = async (runId: string) => [
    ...new Set(
      (await database.sql`select agent from datamorph.run_events where run_id = ${runId} order by seq`).map(
        (e) => e.agent as string,
      ),
    ),
  ];
  const shadows = async () =>
    (await database.sql`select count(*)::int as n from pg_tables where tablename like '%\\_\\_shadow\\_%'`)[0].n;

  it("fails before building when a column it reads is retyped or dropped, naming it, and leaves the table as it was", async () => {
    const first = await cli([
      "run",
      "total order amount per customer for shipped orders",
      "--target",
      "shipped_totals",
      "--json",
    ]);
    expect(first.code, first.stderr).toBe(0);
    const saved = await cli(["pipeline", "save", first.json!.runId, "--name", "Shipped totals"]);
    expect(saved.code, saved.stderr).toBe(0);
    const before = await published();

    await database.sql`alter table orders alter column amount type text using amount::text`;
    const retyped = await cli(["pipeline", "run", "Shipped totals", "--json"]);
    expect(retyped.code).toBe(1);
    expect(retyped.json).toMatchObject({ status: "failed" });
    expect(retyped.json!.error).toBe(
      'The sources changed since pipeline "Shipped totals" version 1 was saved: source column public.orders.amount changed type from numeric(12,2) to text. The run stopped before building; public.shipped_totals was left as it was.',
    );
    expect(await agentsOf(retyped.json!.runId)).toEqual(["orchestrator", "planner"]);
    expect(await published()).toEqual(before);
    const shown = await cli(["pipeline", "show", "Shipped totals", "--json"]);
    expect(shown.json!.sources).toMatchObject({
      breaking: true,
      changes: [{ kind: "column_retyped", table: "public.orders", column: "amount", used: true }],
    });

    // Put back, the pipeline runs again; a column it does not read may go without stopping it.
    await database.sql`alter table orders alter column amount type numeric(12,2) using amount::numeric`;
    await database.sql`alter table orders drop column shipped_at`;
    const unrelated = await cli(["pipeline", "run", "Shipped totals", "--json"]);
    expect(unrelated.code, unrelated.json?.error ?? unrelated.stderr).toBe(0);
    const warned =
      await database.sql`select level, message from datamorph.run_events where run_id = ${unrelated.json!.runId} and agent = 'planner' order by seq`;
    expect(warned[0]).toMatchObject({
      level: "warn",
      message: expect.stringContaining(
        "source column public.orders.shipped_at was dropped (it was timestamp without time zone)",
      ),
    });
    const current = await published();

    await database.sql`alter table orders drop column amount`;
    const dropped = await cli(["pipeline", "run", "Shipped totals", "--json"]);
    expect(dropped.code).toBe(1);
    expect(dropped.json!.error).toContain("source column public.orders.amount was dropped (it was numeric(12,2))");
    expect(dropped.json!.error).toContain("public.shipped_totals was left as it was");
    expect(await published()).toEqual(current);
    expect(await shadows()).toBe(0);
    const [run] = await database.sql`select status, row_count from datamorph.runs where id = ${dropped.json!.runId}`;
    expect(run).toEqual({ status: "failed", row_count: null });
  }, 240_000);
});
