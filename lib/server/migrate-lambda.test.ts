import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { handler } from "./migrate-lambda";

// The deploy invokes the migrator on an RDS database that may be empty (first deploy) or
// already migrated and in use (every later deploy).
const server = testServers().at(-1)!;
const journal = JSON.parse(readFileSync("drizzle/meta/_journal.json", "utf8")) as { entries: unknown[] };
let url: string;
let drop: () => Promise<void>;
let sql: postgres.Sql;

beforeAll(async () => {
  ({ url, drop } = await createTestDatabase(server));
  sql = postgres(url, { max: 1, onnotice: () => {} });
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await sql?.end();
  await drop?.();
});

const tablesIn = async (schema: string) =>
  (await sql`select table_name from information_schema.tables where table_schema = ${schema} order by 1`).map(
    (t) => t.table_name as string,
  );

describe(`migrator Lambda handler (${server.name} Postgres)`, () => {
  it("applies every migration to an empty database and loads no demo data", async () => {
    const result = await handler();
    expect(result.migrations).toBe(journal.entries.length);
    expect(await tablesIn("datamorph")).toEqual(
      expect.arrayContaining(["runs", "run_events", "users", "artifacts", "settings"]),
    );
    expect(await tablesIn("public")).toEqual([]);
  });

  it("changes nothing on the next deploy but recovers runs a stopped process left running", async () => {
    const [user] =
      await sql`insert into datamorph.users (email, name, password_hash) values ('ada@example.com', 'Ada', 'x') returning id`;
    const [finished] =
      await sql`insert into datamorph.runs (user_id, prompt, status) values (${user.id}, 'total per customer', 'succeeded') returning id`;
    const [abandoned] =
      await sql`insert into datamorph.runs (user_id, prompt, status) values (${user.id}, 'orders per day', 'running') returning id`;
    const appliedBefore = await sql`select id, hash, created_at from datamorph.__migrations order by id`;

    const result = await handler();

    expect(result.migrations).toBe(journal.entries.length);
    expect(await sql`select id, hash, created_at from datamorph.__migrations order by id`).toEqual(appliedBefore);
    expect(result.messages).toContainEqual(expect.stringMatching(/Marked 1 unfinished run/));
    const statuses = await sql`select id, status from datamorph.runs`;
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
      [finished.id]: "succeeded",
      [abandoned.id]: "interrupted",
    });
    expect(await sql`select email from datamorph.users`).toEqual([{ email: "ada@example.com" }]);
  });
});

describe("migrator Lambda handler without a database", () => {
  it("refuses rather than starting an embedded cluster", async () => {
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", "");
    // Were the guard missing, the embedded cluster would start here rather than in the user's .data.
    vi.stubEnv("DATAMORPH_DATA_DIR", mkdtempSync(path.join(tmpdir(), "datamorph-migrator-")));
    try {
      const fresh = await import("./migrate-lambda");
      await expect(fresh.handler()).rejects.toThrow(/needs a database: link Database/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
