import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { readCatalog } from "./read-catalog";
import { readLatestDates } from "./latest-dates";

describe.each(testServers())("the latest dates of a warehouse ($name Postgres)", (server) => {
  let sql: SqlClient;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    sql = createSqlClient(database.url, "test", 2);
    await sql.unsafe(`
      create table visits (id int primary key, seen_on date, left_at timestamptz, note text);
      insert into visits values (1, '2024-03-01', '2024-03-02 23:30+00', 'a'), (2, '2025-01-31', null, 'b');
      create table "Bookings" ("bookedOn" timestamp, nights int);
      insert into "Bookings" values ('2023-12-31 10:00', 2);
      create table empty_log (logged_on date);`);
  });
  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("reads the newest date of every date and timestamp column, as an ISO date", async () => {
    const latest = await readLatestDates(sql, await readCatalog(sql, ["public"]));
    expect(latest).toEqual({
      "public.visits.seen_on": "2025-01-31",
      "public.visits.left_at": expect.stringMatching(/^2024-03-0[23]$/),
      "public.Bookings.bookedOn": "2023-12-31",
    });
  });

  it("leaves out a table it cannot read in time rather than waiting on it", async () => {
    const catalog = await readCatalog(sql, ["public"]);
    expect(await readLatestDates(sql, catalog, { timeBudgetMs: 0 })).toEqual({});
  });
});
