import { describe, expect, it } from "vitest";
import { runCliJson } from "@/lib/testing/run-cli";
import { useCliDatabase } from "@/lib/testing/test-database";

const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";
const BY_HAND =
  "select c.customer_id, c.first_name, c.last_name, sum(o.amount) from customers c join orders o using (customer_id) group by 1, 2, 3";

type Outcome = {
  code: number | null;
  json?: {
    status: string;
    target: { schema: string; table: string } | null;
    rowCount: number | null;
    sql: string | null;
    error?: string;
  };
  stdout: string;
  stderr: string;
};

const datamorph = (args: string[], databaseUrl: string): Promise<Outcome> =>
  runCliJson<NonNullable<Outcome["json"]>>(args, databaseUrl);

describe("datamorph run and sql on a warehouse with the demo shop", () => {
  const database = useCliDatabase({ demo: true });
  const run = (args: string[]) => datamorph(args, database.url);

  const publicTables = async () =>
    (await database.sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`).map(
      (r) => r.table_name as string,
    );
  // Rows only one side has, both ways; 0 when the table holds exactly the hand-written rows.
  const differingRows = async (table: string) => {
    const [row] = await database.sql.unsafe(
      `select count(*)::int as n from ((select * from ${table} except all ${BY_HAND}) union all (${BY_HAND} except all select * from ${table})) d`,
    );
    return row.n as number;
  };

  it("publishes the seed example, and again on a second run, keeping the first version", async () => {
    const first = await run(["run", SEED, "--json"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json).toMatchObject({
      status: "succeeded",
      target: { schema: "public", table: "customer_order_totals" },
      rowCount: 4800,
    });
    expect(await differingRows("customer_order_totals")).toBe(0);

    const unasked = await run(["run", SEED, "--target", "customer_order_totals", "--json"]);
    expect(unasked.code).toBe(2);
    expect(unasked.json?.error).toMatch(
      /^public\.customer_order_totals already exists: run [0-9a-f-]{36} by cli@datamorph\.local, .* published it\. To replace it, .*--replace/,
    );

    const second = await run(["run", SEED, "--target", "customer_order_totals", "--replace", "--json"]);
    expect(second.code, second.json?.error ?? second.stderr).toBe(0);
    expect(second.json).toMatchObject({ status: "succeeded", rowCount: 4800 });
    expect(second.json?.sql).not.toContain("customer_order_totals");
    expect(await differingRows("customer_order_totals")).toBe(0);
    expect(await differingRows("customer_order_totals__previous")).toBe(0);
  }, 120_000);

  it("rolls back the latest publish once, shows it in runs, and never toggles back", async () => {
    await database.sql`update customer_order_totals__previous set total_order_amount = -1 where customer_id = 1`;
    const rollback = await run(["rollback", "customer_order_totals"]);
    expect(rollback.code, rollback.stderr).toBe(0);
    expect(rollback.stdout).toMatch(
      /^Rolled back by cli@datamorph\.local: public\.customer_order_totals is again the version this run replaced/,
    );
    const [row] = await database.sql`select total_order_amount from customer_order_totals where customer_id = 1`;
    expect(Number(row.total_order_amount)).toBe(-1);

    // The version in place now is the first run's, which replaced nothing.
    const again = await run(["rollback", "customer_order_totals"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      "public.customer_order_totals was a new table when this run published it; there is no earlier version to go back to.",
    );
    expect(
      Number(
        (await database.sql`select total_order_amount from customer_order_totals where customer_id = 1`)[0]
          .total_order_amount,
      ),
    ).toBe(-1);

    const runs = await run(["runs", "--json"]);
    const statuses = (JSON.parse(runs.stdout) as { target_table: string; status: string; rolled_back: boolean }[])
      .filter((r) => r.target_table === "customer_order_totals" && r.status === "succeeded")
      .map((r) => r.rolled_back);
    expect(statuses).toEqual([true, false]);
    const table = await run(["runs"]);
    expect(table.stdout, table.stderr).toContain("rolled back");
  }, 120_000);

  it("refuses non-ETL, destructive, unknown, hostile and empty requests with exit 2 and creates nothing", async () => {
    const before = await publicTables();
    const prompts = [
      "write a poem about databases",
      "drop the orders table",
      "total amount per custmer_xyz",
      "'; drop table orders; --",
      "",
    ];
    const outcomes = await Promise.all(prompts.map((prompt) => run(["run", prompt, "--json"])));
    outcomes.forEach((outcome, k) => {
      expect(outcome.code, `"${prompts[k]}": ${outcome.stdout}${outcome.stderr}`).toBe(2);
      const reason = outcome.json?.error ?? outcome.stderr;
      expect(outcome.json?.status ?? "rejected").toBe("rejected");
      expect(reason.trim().length, `"${prompts[k]}" gives a reason`).toBeGreaterThan(15);
    });
    expect(outcomes[1].json?.error).toMatch(/drop|change|unsafe|read/i);
    expect(outcomes[2].json?.error).toContain("custmer_xyz");
    expect(await publicTables()).toEqual(before);
    const [shadows] =
      await database.sql`select count(*)::int as n from pg_tables where tablename like '%\\_\\_shadow\\_%'`;
    expect(shadows.n).toBe(0);
    const [orders] = await database.sql`select count(*)::int as n from orders`;
    expect(orders.n).toBe(100000);
    // Five CLI processes start at once: on a busy two-core machine that alone can take half a minute.
  }, 120_000);

  it("refuses an unknown engine, and a Glue build where Glue is not configured, creating nothing", async () => {
    const before = await publicTables();
    const unknown = await run(["run", SEED, "--engine", "spark"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--engine must be sql, glue or auto");
    const glue = await run(["run", SEED, "--engine", "glue", "--target", "totals_on_glue", "--json"]);
    expect(glue.code).toBe(1);
    expect(glue.json?.error).toMatch(/Glue is not configured here.*DATAMORPH_GLUE_ROLE_ARN/);
    expect(await publicTables()).toEqual(before);
  });

  it("keeps the sql command read-only: writes and smuggled statements are refused", async () => {
    const [write, smuggled] = await Promise.all([
      run(["sql", "delete from orders"]),
      run(["sql", "select 1; commit; drop table orders"]),
    ]);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/read-only/i);
    expect(smuggled.code).not.toBe(0);
    expect(smuggled.stderr.trim().length).toBeGreaterThan(10);
    const [orders] = await database.sql`select count(*)::int as n from orders`;
    expect(orders.n).toBe(100000);
    expect(await publicTables()).toContain("orders");
  });
});
