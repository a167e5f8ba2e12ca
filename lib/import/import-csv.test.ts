import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { importCsv, importPath, type ImportProgress } from "./index";

const fixtures = path.resolve(import.meta.dirname, "../testing/fixtures/csv");
const fixture = (name: string) => path.join(fixtures, name);

describe.each(testServers())("CSV import on $name Postgres", (server) => {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  let scratch: string;

  const tablesIn = async (schema: string) =>
    (await sql`select table_name from information_schema.tables where table_schema = ${schema} order by 1`).map(
      (r) => r.table_name,
    );

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    sql = createSqlClient(database.url, "test");
    scratch = await mkdtemp(path.join(tmpdir(), "import-test-"));
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it("infers each column's type from its values and keeps NULL apart from an empty string", async () => {
    const result = await importCsv({ sql, file: fixture("types.csv"), schema: "typed" });
    expect(result).toMatchObject({ schema: "typed", table: "types", rows: 4 });
    expect(result.columns).toEqual([
      { name: "customer_id", type: "integer" },
      { name: "big_number", type: "bigint" },
      { name: "price", type: "numeric" },
      { name: "active", type: "boolean" },
      { name: "signup_date", type: "date" },
      { name: "last_seen", type: "timestamp" },
      { name: "seen_at_utc", type: "timestamptz" },
      { name: "zip", type: "text" },
      { name: "notes", type: "text" },
      { name: "nothing", type: "text" },
    ]);
    const rows = await sql`
      select customer_id, big_number::text, price::text, active, zip, notes, seen_at_utc at time zone 'UTC' as seen_utc
      from typed.types order by customer_id`;
    expect(rows.map((r) => r.customer_id)).toEqual([-7, 1, 2, 3]);
    expect(rows[1]).toMatchObject({
      big_number: "9000000000",
      price: "19.99",
      active: true,
      zip: "02134",
      notes: 'said "hi"',
    });
    expect(rows[2].notes).toBeNull();
    expect(rows[3].notes).toBe("");
    expect(rows[0].notes).toBe("multi\nline");
    expect(rows[0].active).toBe(false);
    expect(rows[3].price).toBe("1000");
    expect(rows[2].seen_utc.toISOString()).toBe("2023-12-31T21:59:59.000Z");
  });

  it("analyzes the new table, so row estimates and column statistics are there at once", async () => {
    await importCsv({ sql, file: fixture("types.csv"), schema: "stats", table: "customers" });
    const [{ reltuples }] = await sql`select reltuples::int from pg_class where oid = 'stats.customers'::regclass`;
    expect(reltuples).toBe(4);
    const stats = await sql`select attname from pg_stats where schemaname = 'stats' and tablename = 'customers'`;
    expect(stats.length).toBe(10);
  });

  it.each([
    ["ragged.csv", /^ragged\.csv line 4 has 5 fields, the header has 4\.$/],
    ["no-header.csv", /no-header\.csv has no header row/],
    ["empty.csv", /empty\.csv is empty; a CSV file needs a header row/],
    ["duplicate-header.csv", /two columns named "Order Date" and "order_date" \(both become order_date\)/],
    ["latin1.csv", /^latin1\.csv line 3 is not valid UTF-8 \(byte 0xfc\)/],
    ["unclosed-quote.csv", /unclosed-quote\.csv ends inside a quoted field/],
  ])("refuses %s with a clear message and creates nothing", async (file, message) => {
    await expect(importCsv({ sql, file: fixture(file), schema: "hostile" })).rejects.toThrow(message);
    expect(await tablesIn("hostile")).toEqual([]);
  });

  it("refuses to overwrite an existing table without replace, and leaves it as it was", async () => {
    await importCsv({ sql, file: fixture("types.csv"), schema: "keep", table: "orders" });
    await sql`delete from keep.orders where customer_id = 1`;
    await expect(importCsv({ sql, file: fixture("types.csv"), schema: "keep", table: "orders" })).rejects.toThrow(
      "keep.orders already exists; use --replace to replace it.",
    );
    const [{ n }] = await sql`select count(*)::int as n from keep.orders`;
    expect(n).toBe(3);
  });

  it("replaces a table atomically: a failed replace keeps the old one, a good one swaps it", async () => {
    await writeFile(path.join(scratch, "cities.csv"), "city,population\nOslo,700000\n");
    await importCsv({ sql, file: path.join(scratch, "cities.csv"), schema: "swap" });
    await expect(
      importCsv({ sql, file: fixture("ragged.csv"), schema: "swap", table: "cities", replace: true }),
    ).rejects.toThrow(/line 4/);
    expect(await sql`select * from swap.cities`).toEqual([{ city: "Oslo", population: 700000 }]);

    await writeFile(path.join(scratch, "cities.csv"), "city,population\nRome,2800000.5\nLima,\n");
    const result = await importCsv({ sql, file: path.join(scratch, "cities.csv"), schema: "swap", replace: true });
    expect(result.columns[1]).toEqual({ name: "population", type: "numeric" });
    expect((await sql`select city from swap.cities order by city`).map((r) => r.city)).toEqual(["Lima", "Rome"]);
    expect(await tablesIn("swap")).toEqual(["cities", "cities__previous"]);
    expect(await sql`select * from swap.cities__previous`).toEqual([{ city: "Oslo", population: 700000 }]);
  });

  it("will not replace a table a view depends on, and says why", async () => {
    await writeFile(path.join(scratch, "prices.csv"), "sku,price\nA1,9.5\n");
    await importCsv({ sql, file: path.join(scratch, "prices.csv"), schema: "viewed" });
    await sql`create view viewed.cheap as select * from viewed.prices where price < 10`;
    await expect(
      importCsv({ sql, file: path.join(scratch, "prices.csv"), schema: "viewed", replace: true }),
    ).rejects.toThrow(/Cannot replace viewed\.prices: .*view viewed\.cheap depends on table viewed\.prices/);
    expect(await sql`select * from viewed.cheap`).toEqual([{ sku: "A1", price: "9.5" }]);
  });

  it("imports a directory all or nothing, and never runs a schema.sql found there", async () => {
    const dir = path.join(scratch, "mixed");
    await mkdir(dir);
    await writeFile(path.join(dir, "Good Rows.csv"), "id,label\n1,a\n");
    await writeFile(path.join(dir, "schema.sql"), "create table public.pwned (id int);");
    await writeFile(path.join(dir, "zz_bad.csv"), "id,label\n1,a,b\n");
    await expect(importPath({ sql, path: dir, schema: "dir" })).rejects.toThrow(
      "zz_bad.csv line 2 has 3 fields, the header has 2.",
    );
    expect(await tablesIn("dir")).toEqual([]);

    await rm(path.join(dir, "zz_bad.csv"));
    const results = await importPath({ sql, path: dir, schema: "dir" });
    expect(results.map((r) => `${r.table}:${r.rows}`)).toEqual(["good_rows:1"]);
    expect(await tablesIn("public")).toEqual([]);
    await expect(importPath({ sql, path: dir, schema: "dir", table: "x" })).rejects.toThrow(
      /only be given for a single file/,
    );
  });

  it("refuses unsafe names: a bad table name or DataMorph's own schema", async () => {
    await expect(
      importCsv({ sql, file: fixture("types.csv"), schema: "public", table: 'x"; drop table y' }),
    ).rejects.toThrow(/is not a valid table name/);
    await expect(importCsv({ sql, file: fixture("types.csv"), schema: "datamorph" })).rejects.toThrow(
      /belongs to DataMorph/,
    );
  });

  it("imports an upload stream, reporting progress through both passes", async () => {
    const body = `Order ID,Amount\n${Array.from({ length: 5000 }, (_, i) => `${i + 1},${(i % 100) + 0.25}`).join("\n")}\n`;
    const events: ImportProgress[] = [];
    const chunks = [Buffer.from(body.slice(0, 1000)), Buffer.from(body.slice(1000))];
    const result = await importCsv({
      sql,
      stream: Readable.from(chunks),
      name: "Web Orders.csv",
      schema: "uploads",
      onProgress: (p) => events.push(p),
    });
    expect(result).toMatchObject({
      table: "web_orders",
      rows: 5000,
      columns: [
        { name: "order_id", type: "integer" },
        { name: "amount", type: "numeric" },
      ],
    });
    const [{ total }] = await sql`select sum(amount)::text as total from uploads.web_orders`;
    expect(total).toBe("248750.00");
    for (const phase of ["scan", "load"]) {
      const last = events.filter((e) => e.phase === phase).at(-1);
      expect(last).toMatchObject({
        file: "Web Orders.csv",
        bytesRead: Buffer.byteLength(body),
        totalBytes: Buffer.byteLength(body),
      });
    }
  });

  it("refuses an upload over its size limit before loading any of it", async () => {
    const body = Buffer.from(`id,note\n${"1,padding padding padding\n".repeat(2000)}`);
    await expect(
      importCsv({ sql, stream: Readable.from([body]), name: "big.csv", maxBytes: 10_000, schema: "limited" }),
    ).rejects.toThrow("big.csv is larger than 10 kB, the most an upload may be.");
    expect(await tablesIn("limited")).toEqual([]);
  });
});
