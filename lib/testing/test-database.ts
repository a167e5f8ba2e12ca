import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { ROLE_KINDS, roleName } from "@/lib/db/roles";
import { loadDemoWarehouse } from "@/lib/demo/load";

/** A Postgres server the integration tests run against. */
export type TestServer = { name: "embedded" | "server"; url: string };

/** The embedded cluster always; the server at TEST_DATABASE_URL too when it is set. */
export function testServers(): TestServer[] {
  const servers: TestServer[] = [{ name: "embedded", url: inject("embeddedUrl") }];
  if (process.env.TEST_DATABASE_URL) servers.push({ name: "server", url: process.env.TEST_DATABASE_URL });
  return servers;
}

function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** Creates an empty database on `server` and returns its URL and a function that drops it. */
export async function createTestDatabase(server: TestServer): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `datamorph_test_${randomBytes(5).toString("hex")}`;
  const admin = postgres(server.url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(server.url, name),
    drop: async () => {
      const sql = postgres(server.url, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
        // Roles are cluster-wide: the database's logins go with it.
        for (const kind of ROLE_KINDS) await sql.unsafe(`drop role if exists ${roleName(name, kind)}`);
      } finally {
        await sql.end();
      }
    },
  };
}

/**
 * For tests of code that uses the app's shared pool (`getSql`, `getDb`): points it at a fresh,
 * migrated database for the file, and drops that database afterwards.
 */
export function useMigratedAppDatabase(): void {
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase(testServers()[0]);
    drop = database.drop;
    process.env.DATABASE_URL = database.url;
    const { getSql } = await import("@/lib/db");
    const { runMigrations } = await import("@/lib/db/migrate");
    await runMigrations(getSql());
  });
  afterAll(async () => {
    const { closeDb } = await import("@/lib/db");
    await closeDb();
    await drop?.();
  });
}

/**
 * For tests that drive the CLI (or anything given a URL) against a database of their own: a
 * fresh, migrated database for the file, with the demo shop when `demo` is set. Read `url` and
 * `sql` inside tests; they are set before the first one runs.
 */
export function useCliDatabase({ demo = false }: { demo?: boolean } = {}): { url: string; sql: SqlClient } {
  const database = {} as { url: string; sql: SqlClient };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase(testServers()[0]);
    drop = created.drop;
    database.url = created.url;
    database.sql = createSqlClient(created.url, "test");
    await runMigrations(database.sql);
    if (demo) await loadDemoWarehouse(database.sql);
  });
  afterAll(async () => {
    await database.sql?.end();
    await drop?.();
  });
  return database;
}
