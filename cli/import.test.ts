import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { datasetDir } from "@/lib/testing/datasets";
import { runCli } from "@/lib/testing/run-cli";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";

const datamorph = runCli;

describe("datamorph import", () => {
  let url: string;
  let sql: SqlClient;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase(testServers()[0]);
    url = database.url;
    drop = database.drop;
    sql = createSqlClient(url, "test");
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("loads a directory of CSV files and prints one JSON object describing the tables", async () => {
    const { code, stdout, stderr } = await datamorph(
      ["import", datasetDir("jaffle_shop"), "--schema", "shop", "--json"],
      url,
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.tables.map((t: { table: string; rows: number }) => `${t.table}:${t.rows}`)).toEqual([
      "raw_customers:100",
      "raw_orders:99",
      "raw_payments:113",
    ]);
    expect(result.tables[1]).toMatchObject({
      schema: "shop",
      columns: [
        { name: "id", type: "integer" },
        { name: "user_id", type: "integer" },
        { name: "order_date", type: "date" },
        { name: "status", type: "text" },
      ],
    });
    const [span] = await sql`select min(order_date)::text as first, max(order_date)::text as last from shop.raw_orders`;
    expect(span).toEqual({ first: "2018-01-01", last: "2018-04-09" });
  });

  it("prints one line per table, and refuses to load over it again without --replace", async () => {
    const file = path.join(datasetDir("jaffle_shop"), "raw_orders.csv");
    const first = await datamorph(["import", file, "--table", "orders"], url);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      "public.orders  99 rows  4 columns (id integer, user_id integer, order_date date, status text)\n",
    );

    const again = await datamorph(["import", file, "--table", "orders"], url);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toBe("datamorph: public.orders already exists; use --replace to replace it.\n");

    const replaced = await datamorph(["import", file, "--table", "orders", "--replace"], url);
    expect(replaced.code).toBe(0);
    expect((await sql`select count(*)::int as n from orders__previous`)[0].n).toBe(99);
  });

  it("never replaces a source table, which no import made", async () => {
    await sql`create table ledger as select g as entry_id from generate_series(1, 42) g`;
    const file = path.join(datasetDir("jaffle_shop"), "raw_orders.csv");
    const refused = await datamorph(["import", file, "--table", "ledger", "--replace"], url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "datamorph: public.ledger is a source table, not one made by an upload, so an upload cannot replace it; nothing was changed. Choose another table name.\n",
    );
    expect((await sql`select count(*)::int as n from ledger`)[0].n).toBe(42);
    expect((await sql`select to_regclass('ledger__previous') is null as gone`)[0].gone).toBe(true);
  });

  it("exits 1 with a one-line message for a missing file", async () => {
    const { code, stdout, stderr } = await datamorph(["import", "no/such/orders.csv"], url);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe("datamorph: no/such/orders.csv does not exist.\n");
  });
});
