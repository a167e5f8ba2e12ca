import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { importDataset, type DatasetName } from "@/lib/testing/datasets";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import type { ImportResult } from "./types";

// Row counts from the datasets' README.
const expectedRows: Record<DatasetName, Record<string, number>> = {
  jaffle_shop: { raw_customers: 100, raw_orders: 99, raw_payments: 113 },
  northwind: {
    categories: 8,
    customer_customer_demo: 0,
    customer_demographics: 0,
    customers: 91,
    employee_territories: 49,
    employees: 9,
    order_details: 2155,
    orders: 830,
    products: 77,
    region: 4,
    shippers: 6,
    suppliers: 29,
    territories: 53,
    us_states: 51,
  },
  chinook: {
    album: 347,
    artist: 275,
    customer: 59,
    employee: 8,
    genre: 25,
    invoice: 412,
    invoice_line: 2240,
    media_type: 5,
    playlist: 18,
    playlist_track: 8715,
    track: 3503,
  },
};

describe.each(testServers())("sample datasets imported on $name Postgres", (server) => {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  const imported = {} as Record<DatasetName, ImportResult[]>;

  const typeOf = (name: DatasetName, table: string, column: string) =>
    imported[name].find((t) => t.table === table)?.columns.find((c) => c.name === column)?.type;

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    sql = createSqlClient(database.url, "test");
    for (const name of ["jaffle_shop", "northwind", "chinook"] as const)
      imported[name] = await importDataset(sql, name, name);
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it.each(["jaffle_shop", "northwind", "chinook"] as const)(
    "loads every table of %s with the row counts of its README",
    async (name) => {
      expect(Object.fromEntries(imported[name].map((t) => [t.table, t.rows]))).toEqual(expectedRows[name]);
      const counted = await sql.unsafe(
        Object.keys(expectedRows[name])
          .map((t) => `select '${t}' as t, count(*)::int as n from ${name}.${t}`)
          .join(" union all "),
      );
      expect(Object.fromEntries(counted.map((r) => [r.t, r.n]))).toEqual(expectedRows[name]);
    },
  );

  it("infers the types a data engineer would have declared", () => {
    expect(typeOf("jaffle_shop", "raw_orders", "order_date")).toBe("date");
    expect(typeOf("jaffle_shop", "raw_payments", "amount")).toBe("integer");
    expect(typeOf("chinook", "invoice", "total")).toBe("numeric");
    expect(typeOf("chinook", "invoice", "invoice_date")).toBe("timestamp");
    expect(typeOf("chinook", "track", "bytes")).toBe("integer");
    expect(typeOf("northwind", "products", "discontinued")).toBe("integer");
    expect(typeOf("northwind", "order_details", "discount")).toBe("numeric");
    expect(typeOf("northwind", "employees", "birth_date")).toBe("date");
    // Codes with leading zeros stay text, so "02134" is not stored as 2134.
    expect(typeOf("northwind", "territories", "territory_id")).toBe("text");
    expect(typeOf("northwind", "customers", "postal_code")).toBe("text");
  });

  it("keeps the values exactly: accents, leading zeros, NULLs and literal backslashes", async () => {
    const [customer] = await sql`select first_name, city, company from chinook.customer where customer_id = 1`;
    expect(customer).toEqual({
      first_name: "Luís",
      city: "São José dos Campos",
      company: "Embraer - Empresa Brasileira de Aeronáutica S.A.",
    });
    const [second] = await sql`select company from chinook.customer where customer_id = 2`;
    expect(second.company).toBeNull();
    const [territory] = await sql`select territory_description from northwind.territories where territory_id = '01581'`;
    expect(territory.territory_description).toBe("Westboro");
    const [address] = await sql`select address from northwind.employees where address like '%\\n%'`;
    expect(address.address).toBe("507 - 20th Ave. E.\\nApt. 2A");
    const [{ revenue }] = await sql`select sum(total)::text as revenue from chinook.invoice`;
    expect(revenue).toBe("2328.60");
  });

  it("declares the keys of the README, so the planner can find join paths", async () => {
    const catalog = await readCatalog(sql, ["jaffle_shop", "chinook"]);
    const orders = catalog.tables.find((t) => t.schema === "jaffle_shop" && t.name === "raw_orders");
    expect(orders?.primaryKey).toEqual(["id"]);
    expect(orders?.foreignKeys).toEqual([
      { columns: ["user_id"], refSchema: "jaffle_shop", refTable: "raw_customers", refColumns: ["id"] },
    ]);
    const playlistTrack = catalog.tables.find((t) => t.schema === "chinook" && t.name === "playlist_track");
    expect(playlistTrack?.primaryKey).toEqual(["playlist_id", "track_id"]);
    expect(playlistTrack?.foreignKeys.map((fk) => fk.refTable).sort()).toEqual(["playlist", "track"]);
    const [{ n }] =
      await sql`select count(*)::int as n from pg_constraint where contype = 'f' and connamespace = 'northwind'::regnamespace`;
    expect(n).toBe(13);
  });

  it("leaves the planner accurate row estimates, with no manual analyze", async () => {
    const [{ reltuples }] =
      await sql`select reltuples::int from pg_class where oid = 'chinook.playlist_track'::regclass`;
    expect(reltuples).toBe(8715);
    const [{ distinct }] =
      await sql`select n_distinct::float as distinct from pg_stats where schemaname = 'chinook' and tablename = 'playlist_track' and attname = 'playlist_id'`;
    expect(distinct).toBe(14);
  });
});
