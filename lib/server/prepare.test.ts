import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { prepareDatabase } from "./prepare";

// A user's own server: DataMorph adds its schema and must leave the user's tables alone.
const server = testServers().at(-1)!;
let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ url, drop } = await createTestDatabase(server));
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`create table customers (id int primary key, name text)`;
  await sql`insert into customers values (1, 'Their own row')`;
  await sql.end();
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await closeDb();
  await drop();
});

describe(`prepareDatabase with DATABASE_URL (${server.name} Postgres)`, () => {
  it("applies migrations but never loads the demo warehouse or touches user tables", async () => {
    const prepared = await prepareDatabase(getEnv());
    expect(prepared).toEqual({ mode: "server", startedEmbedded: false, demoLoadMs: undefined });
    const sql = postgres(url, { max: 1 });
    const tables =
      await sql`select table_schema, table_name from information_schema.tables where table_schema in ('public', 'datamorph') order by 1, 2`;
    expect(tables.filter((t) => t.table_schema === "public").map((t) => t.table_name)).toEqual(["customers"]);
    expect(tables.filter((t) => t.table_schema === "datamorph").length).toBeGreaterThan(3);
    expect(await sql`select * from customers`).toEqual([{ id: 1, name: "Their own row" }]);
    await sql.end();
  });

  it("says which server it could not reach, without the password", async () => {
    const unreachable = "postgres://someone:hunter2@127.0.0.1:1/nowhere";
    const env = { ...getEnv(), databaseUrl: unreachable };
    const failure = prepareDatabase(env);
    await expect(failure).rejects.toThrow(/Cannot connect to DATABASE_URL \(127\.0\.0\.1:1\/nowhere\)/);
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });
});
