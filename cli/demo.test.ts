import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { runCli } from "@/lib/testing/run-cli";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";

describe("datamorph demo", () => {
  let url: string;
  let drop: () => Promise<void>;
  let sql: SqlClient;
  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase(testServers()[0]));
    sql = createSqlClient(url, "test", 1);
  });
  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("loads the demo shop into the schema asked for on request, and never over existing tables", async () => {
    const first = await runCli(["demo", "--schema", "shop"], url);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/Loaded the demo shop into shop/);
    expect((await sql`select count(*)::int as n from shop.orders`)[0].n).toBe(100000);

    const again = await runCli(["demo", "--schema", "shop"], url);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has customers/);
    expect(
      (await sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`)[0].n,
    ).toBe(0);
  });
});
