import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { ensureEmbeddedPostgres, readEmbeddedState, stopEmbeddedPostgres } from "./embedded";

mkdirSync(".data", { recursive: true });
const dataDir = mkdtempSync(path.resolve(".data/embedded-test-"));
chmodSync(dataDir, 0o755);
// One below the shared test cluster's port, clear of the browser tests' ports (54392 and up),
// which run beside these.
const port = Number(process.env.DATAMORPH_TEST_PG_PORT ?? 54391) - 1;

afterAll(async () => {
  await stopEmbeddedPostgres(dataDir, { onlyIfIdle: false }).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

describe("embedded Postgres", () => {
  it("creates a cluster on first use, reuses it while running, and keeps data across restarts", async () => {
    const first = await ensureEmbeddedPostgres({ dataDir, port });
    expect(first.startedHere).toBe(true);
    const state = await readEmbeddedState(dataDir);
    expect(state?.port).toBe(port);
    expect(state?.password.length).toBeGreaterThanOrEqual(20);
    expect(state?.clusterDir).toBe(path.join(dataDir, "pg"));

    const sql = postgres(first.url, { max: 1 });
    await sql`create table kept (id int)`;
    await sql`insert into kept values (42)`;

    const second = await ensureEmbeddedPostgres({ dataDir, port });
    expect(second).toEqual({ ...first, startedHere: false });

    // Another client is connected: a finishing process must not pull the cluster from under it.
    expect(await stopEmbeddedPostgres(dataDir, { onlyIfIdle: true })).toBe(false);
    await sql.end();
    expect(await stopEmbeddedPostgres(dataDir, { onlyIfIdle: true })).toBe(true);

    const restarted = await ensureEmbeddedPostgres({ dataDir, port });
    expect(restarted.startedHere).toBe(true);
    const again = postgres(restarted.url, { max: 1 });
    expect(await again`select id from kept`).toEqual([{ id: 42 }]);
    await again.end();
  });

  it("connects the app as an owner login that is not a superuser and owns the app's database", async () => {
    const { url, superuserUrl } = await ensureEmbeddedPostgres({ dataDir, port });
    const owner = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [me] = await owner`select current_user as user, current_setting('is_superuser') as su,
        (select pg_get_userbyid(datdba) from pg_database where datname = current_database()) as "databaseOwner"`;
      expect(me).toEqual({ user: "dm_datamorph_owner", su: "off", databaseOwner: "dm_datamorph_owner" });
      await expect(owner`select pg_read_file('/etc/passwd')`).rejects.toThrow(/permission denied/);
      await expect(owner.unsafe("copy (select 1) to program 'id'")).rejects.toThrow(
        /permission denied|must be superuser/,
      );
    } finally {
      await owner.end();
    }
    expect(superuserUrl).not.toBe(url);
  });

  it("refuses connections without the generated password", async () => {
    const state = await readEmbeddedState(dataDir);
    const intruder = postgres(`postgres://postgres:wrong@127.0.0.1:${port}/datamorph`, { max: 1, connect_timeout: 3 });
    await expect(intruder`select 1`).rejects.toThrow(/password authentication failed/);
    await intruder.end();
    expect(state?.user).toBe("postgres");
  });
});
