import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { loadDemoWarehouse } from "@/lib/demo/load";
import { AppError } from "@/lib/errors";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { readTableRows, type ReadTableRowsOptions } from "./table-rows";

describe.each(testServers())("table rows on $name Postgres", (server) => {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  const read = (options: Partial<ReadTableRowsOptions> & { table: string }) =>
    readTableRows({ sql, schemas: ["public"], page: 1, pageSize: 50, ...options });
  const orderCount = async () => (await sql`select count(*)::int as n from orders`)[0].n;

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    sql = createSqlClient(database.url, "test");
    await runMigrations(sql);
    await loadDemoWarehouse(sql);
    // A table without a key whose first column repeats: paging must still show each row once.
    await sql`create table visits (city text, day date, note text)`;
    await sql`insert into visits select case when i % 3 = 0 then 'Oslo' else 'Lima' end, date '2024-02-29' + (i % 5), case when i % 4 = 0 then null else 'n' || i end from generate_series(1, 103) i`;
    await sql`create view big_orders as select order_id, amount from orders where amount > 400`;
    await sql`create schema private`;
    await sql`create table private.salaries (name text, amount int)`;
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("pages through a keyed table in key order, with the exact total", async () => {
    const first = await read({ table: "orders" });
    const second = await read({ table: "orders", page: 2 });
    expect(first).toMatchObject({
      schema: "public",
      table: "orders",
      total: 100_000,
      totalExact: true,
      pageCount: 2000,
      orderedBy: ["order_id"],
      primaryKey: ["order_id"],
    });
    expect(first.rows.map((r) => r.order_id)).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1)));
    expect(second.rows.map((r) => r.order_id)).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 51)));
    expect(first.columns.map((c) => `${c.name} ${c.dataType}`)).toContain("order_date date");
  });

  it("shows values as Postgres prints them, NULL as null", async () => {
    const { rows } = await read({ table: "visits", pageSize: 10 });
    expect(rows[0]).toEqual({ city: "Lima", day: "2024-03-01", note: "n1" });
    expect(rows.some((r) => r.note === null)).toBe(true);
  });

  it("shows every row of a table without a key exactly once across its pages", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => read({ table: "visits", page })));
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 3]);
    expect(pages[0]).toMatchObject({ total: 103, pageCount: 3, orderedBy: ["city"] });
    const seen = pages.flatMap((p) => p.rows.map((r) => JSON.stringify(r)));
    const all = (await sql`select city, day::text, note from visits`).map((r) =>
      JSON.stringify({ city: r.city, day: r.day, note: r.note }),
    );
    expect(seen.sort()).toEqual(all.sort());
    expect(pages.flatMap((p) => p.rows.map((r) => r.city))).toEqual([
      ...Array(69).fill("Lima"),
      ...Array(34).fill("Oslo"),
    ]);
    // Asking again gives the same page: the order does not depend on the plan of the moment.
    expect((await read({ table: "visits", page: 2 })).rows).toEqual(pages[1].rows);
  });

  it("pages views too", async () => {
    const page = await read({ table: "big_orders", pageSize: 5 });
    const expected = await sql`select order_id from orders where amount > 400 order by order_id, amount limit 5`;
    expect(page.rows.map((r) => r.order_id)).toEqual(expected.map((r) => String(r.order_id)));
    expect(page.orderedBy).toEqual(["order_id", "amount"]);
    expect(page.total).toBeGreaterThan(0);
  });

  it("answers a page past the end with no rows and the real page count, and refuses impossible pages", async () => {
    const past = await read({ table: "visits", page: 9 });
    expect(past).toMatchObject({ rows: [], total: 103, pageCount: 3 });
    for (const bad of [{ page: 0 }, { page: 1.5 }, { pageSize: 0 }, { pageSize: 501 }]) {
      await expect(read({ table: "visits", ...bad })).rejects.toMatchObject({ code: "bad_request" });
    }
  });

  it.each([
    "no_such_table",
    "orders; drop table orders",
    'orders"; drop table orders; --',
    "public.orders",
    "pg_class",
    "salaries",
    "Orders",
  ])("treats %j as an unknown table and changes nothing", async (name) => {
    const error = await read({ table: name }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "not_found", status: 404 });
    expect(await orderCount()).toBe(100_000);
  });

  it("does not read a table in a schema it was not given, even when named", async () => {
    await expect(read({ table: "salaries", schema: "private" })).rejects.toMatchObject({ code: "not_found" });
    await expect(read({ table: "orders", schema: "private" })).rejects.toMatchObject({ code: "not_found" });
    expect((await read({ table: "salaries", schemas: ["public", "private"], schema: "private" })).total).toBe(0);
  });

  it("reports an estimate once a table holds a million rows or more", async () => {
    await sql`create table clicks as select i from generate_series(1, 1000001) i`;
    await sql`analyze clicks`;
    const page = await read({ table: "clicks", page: 3, pageSize: 2 });
    expect(page.totalExact).toBe(false);
    expect(page.total).toBeGreaterThanOrEqual(1_000_000);
    expect(page.rows).toEqual([{ i: "5" }, { i: "6" }]);
  });
});
