import type { SqlExecutor } from "./client";
import { newRoleLogins, type RoleLogins } from "./roles";

const SETTINGS_KEY = "role_logins";

/**
 * The reader and builder logins of this database, kept in `datamorph.settings`, which only the
 * owner role can read. Kept in the database rather than a local file so every process of a
 * deployment (web, CLI, Lambda) finds the same ones.
 */
export async function readRoleLogins(sql: SqlExecutor): Promise<RoleLogins | null> {
  const [row] = await sql<{ value: RoleLogins }[]>`select value from datamorph.settings where key = ${SETTINGS_KEY}`;
  return row?.value ?? null;
}

/** The stored logins, or new ones (stored now) when there are none yet. */
export async function ensureRoleLogins(sql: SqlExecutor, database: string): Promise<RoleLogins> {
  const fresh = newRoleLogins(database);
  // Of two processes doing this at once, the first insert wins and both return its logins.
  await sql`
    insert into datamorph.settings (key, value) values (${SETTINGS_KEY}, ${JSON.stringify(fresh)}::jsonb)
    on conflict (key) do nothing`;
  return (await readRoleLogins(sql))!;
}
