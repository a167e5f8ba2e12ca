import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import type { RoleClients } from "@/lib/db/role-clients";
import { setUpAndOpenRoles } from "@/lib/db/set-up-roles";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { csvStream, tableCsvRecords } from "./result-csv";
import { previewTable } from "./preview";
import { parseSortKey, resultOrder } from "./result-order";
import { describeResultTable } from "./result-table";
import { readResultChart } from "@/lib/charts/chart-points";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";

async function download(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe.each(testServers())("a published table read for its run page and CSV ($name Postgres)", (server) => {
  let drop: () => Promise<void>;
  let owner: SqlClient;
  let roles: RoleClients;

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    owner = createSqlClient(database.url, "test", 2);
    await runMigrations(owner);
    roles = await setUpAndOpenRoles(owner, database.url, { sourceSchemas: ["public"], targetSchema: "public" });
    // Built by the builder, as a run publishes it: the reader reads it through default privileges.
    await roles.builder`create table totals (customer text, amount numeric(12,2), avg_amount numeric, day date, note text)`;
    await roles.builder`insert into totals values
      ('Ada, Countess', 10.50, 3.333333333333333333, '2024-01-31', 'said "hi"'),
      ('Bob', -2.00, null, null, ''),
      ('Cy', 1300.00, 0.1, '2024-02-29', E'two\nlines')`;
    await roles.builder`insert into totals select 'many_' || i, i, i, '2024-03-01'::date + (i % 30), null from generate_series(1, 1200) i`;
  });
  afterAll(async () => {
    await Promise.all([owner?.end(), roles?.reader.end({ timeout: 5 }), roles?.builder.end({ timeout: 5 })]);
    await drop?.();
  });

  it("streams every row through the reader, values exactly as Postgres prints them, in the order asked", async () => {
    const columns = (await describeResultTable(roles.reader, { schema: "public", table: "totals" }))!;
    expect(columns).toEqual([
      { name: "customer", type: "text" },
      { name: "amount", type: "numeric(12,2)" },
      { name: "avg_amount", type: "numeric" },
      { name: "day", type: "date" },
      { name: "note", type: "text" },
    ]);
    const names = columns.map((c) => c.name);
    const text = await download(
      csvStream(
        tableCsvRecords(roles.reader, {
          schema: "public",
          table: "totals",
          columns: names,
          order: [{ column: "amount", direction: "desc" }],
        }),
        "test",
      ),
    );
    expect(text.startsWith("customer,amount,avg_amount,day,note\r\n")).toBe(true);
    const records: string[][] = parse(text, { from_line: 2 });
    expect(records).toHaveLength(1203);
    // Numbers sort as numbers (1200 before 999), not as the text they are written in.
    expect(records[0].slice(0, 2)).toEqual(["Cy", "1300.00"]);
    expect(records[1]).toEqual(["many_1200", "1200.00", "1200", "2024-03-01", ""]);
    expect(records.find((r) => r[0] === "Ada, Countess")).toEqual([
      "Ada, Countess",
      "10.50",
      "3.333333333333333333",
      "2024-01-31",
      'said "hi"',
    ]);
    expect(records.find((r) => r[0] === "Cy")![4]).toBe("two\nlines");
    // NULL is an empty field; an empty string a quoted one.
    expect(text).toContain('Bob,-2.00,,,""\r\n');
    expect(records.at(-1)![0]).toBe("Bob");
  });

  it("reads one snapshot in a read-only transaction and gives its connection back, also when the download stops early", async () => {
    const records = tableCsvRecords(roles.reader, {
      schema: "public",
      table: "totals",
      columns: ["customer"],
      order: [{ column: "customer", direction: "asc" }],
    });
    const stream = csvStream(records, "test");
    const reader = stream.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("customer\r\n");
    await reader.read();
    const openTransactions = async () =>
      (
        await owner`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'datamorph-reader' and xact_start is not null`
      )[0].n;
    try {
      expect(await openTransactions()).toBe(1);
    } finally {
      await reader.cancel();
    }
    expect(await openTransactions()).toBe(0);
  });

  it("pages the grid in the order clicked, else the spec's ORDER BY, with dates as Postgres prints them", async () => {
    const columns = (await describeResultTable(roles.reader, { schema: "public", table: "totals" }))!;
    const names = columns.map((c) => c.name);
    const spec = customerTotalsSpec({ orderBy: [{ output: "amount", direction: "asc", phrase: "" }] });
    const byAmount = (await previewTable(roles.reader, {
      schema: "public",
      table: "totals",
      page: 0,
      columns,
      order: resultOrder({ spec, columns: names }),
    }))!;
    expect(byAmount.total).toBe(1203);
    expect(byAmount.rows.slice(0, 3).map((r) => r.customer)).toEqual(["Bob", "many_1", "many_2"]);
    expect(byAmount.rows[0].day).toBeNull();
    expect(byAmount.rows[1].day).toBe("2024-03-02");
    const clicked = resultOrder({ spec, columns: names, requested: parseSortKey("day", "desc") });
    const byDay = (await previewTable(roles.reader, {
      schema: "public",
      table: "totals",
      page: 12,
      columns,
      order: clicked,
    }))!;
    // The last page: 1,203 rows make 13 pages of 100; NULL days come last.
    expect(byDay.page).toBe(12);
    expect(byDay.rows.map((r) => r.customer).slice(-1)).toEqual(["Bob"]);
    // A column the table does not have is ignored, not put into SQL.
    expect(
      resultOrder({ spec, columns: names, requested: parseSortKey('amount"; drop table totals; --', "asc") }),
    ).toEqual([{ column: "amount", direction: "asc" }]);
  });

  it("reads the chart's points: top-N bars in the measure's order, at most the N asked for", async () => {
    await roles.builder`create table top_customers as select customer, amount as total from totals order by amount desc limit 3`;
    const spec = customerTotalsSpec({
      target: { table: "top_customers", phrase: "" },
      columns: [
        { name: "customer", expr: { kind: "column", column: { source: "customers", column: "name" } }, phrase: "" },
        {
          name: "total",
          expr: {
            kind: "aggregate",
            fn: "sum",
            arg: { kind: "column", column: { source: "orders", column: "amount" } },
          },
          phrase: "",
        },
      ],
      orderBy: [{ output: "total", direction: "desc", phrase: "top 3" }],
      limit: { count: 3, phrase: "top 3" },
    });
    const columns = (await describeResultTable(roles.reader, { schema: "public", table: "top_customers" }))!;
    const chart = await readResultChart(roles.reader, { schema: "public", table: "top_customers", spec, columns });
    expect(chart).toMatchObject({
      choice: { kind: "sorted-bar" },
      points: [
        { label: "Cy", value: 1300 },
        { label: "many_1200", value: 1200 },
        { label: "many_1199", value: 1199 },
      ],
    });
    const grouped = await readResultChart(roles.reader, {
      schema: "public",
      table: "totals",
      spec: customerTotalsSpec({
        columns: spec.columns.map((c) => (c.name === "total" ? { ...c, name: "amount" } : c)),
      }),
      columns: (await describeResultTable(roles.reader, { schema: "public", table: "totals" }))!,
    });
    // 1,203 categories are too many bars: the page says so instead of drawing a smear.
    expect(grouped).toMatchObject({ choice: { kind: "bar" }, tooMany: 1203 });
  });

  it("is refused a write by the database, not only by the code", async () => {
    await expect(roles.reader`insert into totals values ('x', 1, 1, null, null)`).rejects.toThrow(/permission denied/);
  });
});
