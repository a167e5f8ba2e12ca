import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { isDemoLoaded, loadDemoWarehouse } from "./load";

const fingerprint = (sql: SqlClient) => sql`
  select (select md5(string_agg(concat_ws('|', order_id, customer_id, order_date, status, amount, shipped_at), ',' order by order_id)) from orders) as orders,
         (select md5(string_agg(concat_ws('|', customer_id, first_name, last_name, email, city, segment), ',' order by customer_id)) from customers) as customers`;

describe.each(testServers())("demo warehouse on $name Postgres", (server) => {
  let sql: SqlClient;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    sql = createSqlClient(database.url, "test");
    await runMigrations(sql);
    expect(await isDemoLoaded(sql)).toBe(false);
    await loadDemoWarehouse(sql);
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("is a realistic shop of the promised size", async () => {
    const [counts] = await sql`
      select (select count(*)::int from customers) as customers, (select count(*)::int from orders) as orders,
             (select count(*)::int from products) as products, (select count(*)::int from order_items) as items,
             (select count(*)::int from payments) as payments`;
    expect(counts.customers).toBe(5000);
    expect(counts.orders).toBe(100000);
    expect(counts.products).toBe(200);
    expect(counts.items).toBeGreaterThan(200000);
    expect(counts.payments).toBeGreaterThan(85000);
    expect(await isDemoLoaded(sql)).toBe(true);
  });

  it("declares its keys, so the planner can find join paths", async () => {
    const catalog = await readCatalog(sql, ["public"]);
    const orders = catalog.tables.find((t) => t.name === "orders");
    expect(orders?.primaryKey).toEqual(["order_id"]);
    expect(orders?.foreignKeys).toEqual([
      { columns: ["customer_id"], refSchema: "public", refTable: "customers", refColumns: ["customer_id"] },
    ]);
    expect(
      catalog.tables
        .find((t) => t.name === "order_items")
        ?.foreignKeys.map((fk) => fk.refTable)
        .sort(),
    ).toEqual(["orders", "products"]);
  });

  it("has consistent money: order amounts equal their items, and customers without orders exist", async () => {
    const [check] = await sql`
      select (select count(*)::int from orders o
              where o.amount <> (select sum(quantity * unit_price - discount) from order_items i where i.order_id = o.order_id)) as mismatched,
             (select count(*)::int from customers c where not exists (select 1 from orders o where o.customer_id = c.customer_id)) as without_orders,
             (select count(*)::int from (select customer_id, sum(amount) from customers join orders using (customer_id) group by customer_id) t) as seed_rows`;
    expect(check.mismatched).toBe(0);
    expect(check.without_orders).toBe(200);
    expect(check.seed_rows).toBe(4800);
  });

  it("is generated deterministically: a second database gets identical rows", async () => {
    const other = await createTestDatabase(server);
    const otherSql = createSqlClient(other.url, "test");
    try {
      await runMigrations(otherSql);
      await loadDemoWarehouse(otherSql);
      expect(await fingerprint(otherSql)).toEqual(await fingerprint(sql));
    } finally {
      await otherSql.end();
      await other.drop();
    }
  });

  it("refuses to load over existing tables and changes nothing", async () => {
    await sql`update customers set city = 'Kept' where customer_id = 1`;
    await expect(loadDemoWarehouse(sql)).rejects.toThrow(/already has customers/);
    const [row] = await sql`select city from customers where customer_id = 1`;
    expect(row.city).toBe("Kept");
  });
});

describe("migrations", () => {
  it("apply once even when two processes start at the same moment", async () => {
    const [server] = testServers();
    const database = await createTestDatabase(server);
    const a = createSqlClient(database.url, "a");
    const b = createSqlClient(database.url, "b");
    try {
      await Promise.all([runMigrations(a), runMigrations(b)]);
      const tables =
        await a`select table_name from information_schema.tables where table_schema = 'datamorph' order by 1`;
      expect(tables.map((t) => t.table_name)).toEqual([
        "__migrations",
        "artifacts",
        "eval_results",
        "eval_runs",
        "invites",
        "knowledge",
        "pipeline_firings",
        "pipeline_versions",
        "pipelines",
        "rate_limit_hits",
        "run_events",
        "runs",
        "scheduler_leases",
        "semantic_models",
        "sessions",
        "settings",
        "uploads",
        "users",
        "verified_examples",
      ]);
      const publicTables =
        await a`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
      expect(publicTables[0].n).toBe(0);
    } finally {
      await Promise.all([a.end(), b.end()]);
      await database.drop();
    }
  });
});
