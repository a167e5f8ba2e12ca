import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { runReadOnlyQuery } from "./read-only";

describe("read-only queries", () => {
  let sql: SqlClient;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase(testServers()[0]);
    drop = database.drop;
    sql = createSqlClient(database.url, "test", 1);
    await sql`create table notes as select i as id, repeat('x', 100000) as body from generate_series(1, 200) as i`;
  });
  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("stops at the byte cap and says the answer was cut, without holding the whole result", async () => {
    const result = await runReadOnlyQuery(sql, "select id, body from notes order by id", { byteLimit: 1_000_000 });
    expect(result.truncated).toBe(true);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.length).toBeLessThan(11);
    expect(result.rows.map((row) => row.id)).toEqual(result.rows.map((_, i) => i + 1));
  });

  it("refuses a single row larger than the cap with what to do instead", async () => {
    await expect(
      runReadOnlyQuery(sql, "select repeat('y', 2000000) as huge", { byteLimit: 1_000_000 }),
    ).rejects.toThrow(/first row alone is larger than .*left\(column, 1000\)/);
  });

  it("refuses writes and leaves the data as it was", async () => {
    await expect(runReadOnlyQuery(sql, "delete from notes")).rejects.toThrow(/read-only/);
    await expect(runReadOnlyQuery(sql, "set transaction read write")).rejects.toThrow(/read-only/);
    expect((await sql`select count(*)::int as n from notes`)[0].n).toBe(200);
  });

  it("refuses COPY, however it is dressed, instead of waiting on a stream no one reads", async () => {
    for (const copy of ["copy notes to stdout", "  /* a /* nested */ note */ -- line\n (COPY notes to stdout)"]) {
      await expect(runReadOnlyQuery(sql, copy, { timeoutMs: 2_000 })).rejects.toThrow(
        /COPY streams rows .* select \* from/,
      );
    }
    expect((await runReadOnlyQuery(sql, "/* copy */ select count(*)::int as copies from notes")).rows).toEqual([
      { copies: 200 },
    ]);
  });
});
