import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { isReservedTableName, numberedTableName } from "./names";
import { publishShadow, restorePrevious } from "./tables";

describe.each(testServers())("publishing and restoring tables on $name Postgres", (server) => {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  let url: string;
  const versionOf = async (table: string) => (await sql.unsafe(`select v from ${table}`)).map((r) => r.v);
  const exists = async (table: string) =>
    (await sql`select to_regclass(${table}) is not null as found`)[0].found as boolean;

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    url = database.url;
    sql = createSqlClient(url, "test");
  });
  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("leaves a table that appeared meanwhile alone unless it may be replaced", async () => {
    await sql`create table sales (v text)`;
    await sql`insert into sales values ('someone else''s')`;
    await sql`create table sales__shadow_0000abcd_0 as select 'mine'::text as v`;
    expect(
      await publishShadow(sql, {
        schema: "public",
        shadow: "sales__shadow_0000abcd_0",
        target: "sales",
        mayReplace: false,
      }),
    ).toEqual({ published: false, keptPrevious: false });
    expect(await versionOf("sales")).toEqual(["someone else's"]);
    expect(await exists("sales__previous")).toBe(false);

    expect(
      await publishShadow(sql, {
        schema: "public",
        shadow: "sales__shadow_0000abcd_0",
        target: "sales",
        mayReplace: true,
      }),
    ).toEqual({ published: true, keptPrevious: true });
    expect(await versionOf("sales")).toEqual(["mine"]);
    expect(await versionOf("sales__previous")).toEqual(["someone else's"]);
  });

  it("restores the previous version, setting the undone one aside, and only while there is one", async () => {
    expect(await restorePrevious(sql, { schema: "public", target: "sales" })).toBe(true);
    expect(await versionOf("sales")).toEqual(["someone else's"]);
    expect(await versionOf("sales__rolled_back")).toEqual(["mine"]);
    // The previous version went back into place: a second restore has nothing to restore.
    expect(await restorePrevious(sql, { schema: "public", target: "sales" })).toBe(false);
    expect(await versionOf("sales")).toEqual(["someone else's"]);
  });

  it("gives up a swap behind a long reader of the table, changing nothing, instead of queueing every reader behind it", async () => {
    await sql`create table sales__shadow_0000abcd_1 as select 'newer'::text as v`;
    const reader = createSqlClient(url, "test-reader", 1);
    let finishReading!: () => void;
    let startedReading!: () => void;
    const started = new Promise<void>((resolve) => (startedReading = resolve));
    const reading = reader.begin(async (tx) => {
      await tx`select count(*) from sales`;
      startedReading();
      await new Promise<void>((resolve) => (finishReading = resolve));
    });
    await started;
    try {
      await expect(
        publishShadow(sql, { schema: "public", shadow: "sales__shadow_0000abcd_1", target: "sales", mayReplace: true }),
      ).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringContaining("in use by a long query"),
      });
    } finally {
      finishReading();
      await reading;
      await reader.end();
    }
    expect(await versionOf("sales")).toEqual(["someone else's"]);
    expect(await exists("sales__shadow_0000abcd_1")).toBe(true);
  });

  it("numbers automatic names within Postgres' 63 characters, and keeps its own suffixes to itself", () => {
    expect(numberedTableName("totals", 1)).toBe("totals");
    expect(numberedTableName("totals", 2)).toBe("totals_2");
    expect(numberedTableName("x".repeat(63), 12)).toBe(`${"x".repeat(60)}_12`);
    expect(
      ["a__previous", "a__rolled_back", "a__shadow_0123abcd_2", "a__import_0123abcd"].every(isReservedTableName),
    ).toBe(true);
    expect(isReservedTableName("previous_orders")).toBe(false);
  });
});
