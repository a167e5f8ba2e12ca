import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { createSqlClient, type SqlClient } from "./client";
import { runMigrations } from "./migrate";
import { loginUrl, type RoleClients } from "./role-clients";
import { readRoleLogins } from "./role-logins";
import { setupStatements } from "./roles";
import { databaseOf, setUpAndOpenRoles, setUpRoles } from "./set-up-roles";
import { buildShadow, dropTable, publishShadow } from "@/lib/warehouse/tables";

const scope = { sourceSchemas: ["public"], targetSchema: "public" };

describe.each(testServers())("restricted logins ($name Postgres)", (server) => {
  let drop: () => Promise<void>;
  let owner: SqlClient;
  let roles: RoleClients;
  let url: string;

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    url = database.url;
    owner = createSqlClient(database.url, "test", 2);
    await runMigrations(owner);
    await owner`create table payments (id int primary key, amount numeric)`;
    await owner`insert into payments values (1, 10), (2, 20)`;
    await owner`insert into datamorph.users (email, name, password_hash) values ('a@example.com', 'A', '$2b$10$secret')`;
    roles = await setUpAndOpenRoles(owner, database.url, scope);
  });
  afterAll(async () => {
    await Promise.all([owner?.end(), roles?.reader.end(), roles?.builder.end()]);
    await drop?.();
  });

  it("lets the reader read the warehouse and nothing of DataMorph's own, the server's files or settings", async () => {
    const [me] = await roles.reader`select current_user as user, current_setting('is_superuser') as su`;
    expect(me.su).toBe("off");
    expect(await roles.reader`select sum(amount)::int as total from payments`).toEqual([{ total: 30 }]);
    await expect(roles.reader`select password_hash from datamorph.users`).rejects.toThrow(
      /permission denied for schema datamorph/,
    );
    await expect(roles.reader`select pg_read_file('/etc/passwd')`).rejects.toThrow(/permission denied/);
    await expect(roles.reader`select rolpassword from pg_authid`).rejects.toThrow(/permission denied/);
    await expect(roles.reader.unsafe("copy (select 1) to program 'id'")).rejects.toThrow(
      /permission denied|must be superuser/,
    );
    await expect(roles.reader`create table stolen as select 1`).rejects.toThrow(/permission denied for schema public/);
  });

  it("lets the builder create and replace its own tables but never drop or read around a source table", async () => {
    await roles.builder`create table built as select id, amount * 2 as doubled from payments`;
    await roles.builder`alter table built rename to built_renamed`;
    await expect(roles.builder`drop table payments`).rejects.toThrow(/must be owner/);
    await expect(roles.builder`delete from payments`).rejects.toThrow(/permission denied/);
    await expect(roles.builder`select * from datamorph.runs`).rejects.toThrow(/permission denied for schema datamorph/);
    // What a run publishes, the console may read.
    expect(await roles.reader`select count(*)::int as n from built_renamed`).toEqual([{ n: 2 }]);
  });

  it("sets up again while runs publish and drop tables in the same schema, and neither fails", async () => {
    // What a run does to the schema: builds a shadow, swaps it into place (keeping the previous
    // version), and drops what it no longer needs.
    let publishing = true;
    const publish = (async () => {
      for (let i = 0; publishing; i++) {
        const target = `published_${i % 3}`;
        await buildShadow(roles.builder, {
          schema: "public",
          shadow: `shadow_${i % 3}`,
          select: `select ${i} as n`,
          timeoutMs: 5000,
        });
        await publishShadow(roles.builder, { schema: "public", shadow: `shadow_${i % 3}`, target, mayReplace: true });
        if (i % 2 === 0) await dropTable(roles.builder, "public", target);
      }
    })();
    try {
      for (let i = 0; i < 15; i++) expect((await setUpRoles(owner, url, scope)).warning).toBeUndefined();
    } finally {
      publishing = false;
      await publish;
    }
  });

  it("covers tables created after the set-up, and stays the same when set up again", async () => {
    const before = await readRoleLogins(owner);
    await owner`create table refunds (id int, amount numeric)`;
    expect(await roles.reader`select count(*)::int as n from refunds`).toEqual([{ n: 0 }]);
    expect((await setUpRoles(owner, roles.readerUrl, scope)).warning).toBeUndefined();
    expect(await readRoleLogins(owner)).toEqual(before);
  });
});

describe("an owner that may not create roles", () => {
  const server = testServers()[0];
  let admin: SqlClient;
  let drop: () => Promise<void>;
  let ownerUrl: string;
  const ownerRole = `dm_owner_${Date.now().toString(36)}`;

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    admin = postgres(database.url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create role ${ownerRole} login password 'owner-password' nocreaterole`);
    await admin.unsafe(`alter database ${databaseOf(database.url)} owner to ${ownerRole}`);
    await admin.unsafe(`alter schema public owner to ${ownerRole}`);
    ownerUrl = loginUrl(database.url, { user: ownerRole, password: "owner-password" });
  });
  afterAll(async () => {
    await admin?.end();
    await drop?.();
    const cleanup = postgres(server.url, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop role if exists ${ownerRole}`).finally(() => cleanup.end());
  });

  it("starts with a warning naming `datamorph db roles`, then works once an administrator ran its statements", async () => {
    const owner = createSqlClient(ownerUrl, "test", 2);
    try {
      await runMigrations(owner);
      const first = await setUpRoles(owner, ownerUrl, scope);
      expect(first.warning).toMatch(/may not create roles.*datamorph -- db roles/);

      const logins = (await readRoleLogins(owner))!;
      for (const statement of setupStatements({ database: databaseOf(ownerUrl), ...scope }, logins, ownerRole))
        await admin.unsafe(statement);
      expect((await setUpRoles(owner, ownerUrl, scope)).warning).toBeUndefined();
      const reader = postgres(loginUrl(ownerUrl, logins.reader), { max: 1, onnotice: () => {} });
      try {
        await expect(reader`select * from datamorph.settings`).rejects.toThrow(/permission denied/);
      } finally {
        await reader.end();
      }
    } finally {
      await owner.end();
    }
  });
});
