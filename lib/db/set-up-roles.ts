import type { SqlClient } from "./client";
import { quoteIdent } from "./ident";
import { openRoleClients, type RoleClients } from "./role-clients";
import { ensureRoleLogins } from "./role-logins";
import { applyRoles, RoleSetupError, type RoleLogins, type RoleScope } from "./roles";

/** The database a connection URL names. */
export const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";

/** Source and target schemas that exist; grants on a schema that does not would fail. */
async function existingScope(sql: SqlClient, scope: RoleScope): Promise<RoleScope> {
  const rows = await sql<
    { nspname: string }[]
  >`select nspname from pg_namespace where nspname = any(${[...scope.sourceSchemas, scope.targetSchema]})`;
  const found = new Set(rows.map((row) => row.nspname));
  if (!found.has(scope.targetSchema)) await sql.unsafe(`create schema if not exists ${quoteIdent(scope.targetSchema)}`);
  return { ...scope, sourceSchemas: scope.sourceSchemas.filter((schema) => found.has(schema)) };
}

/**
 * Tables DataMorph published before the builder login existed belong to the owner; hand them to
 * the builder so later runs may replace them. Only tables a succeeded run published (and their
 * previous versions) move, never a source table.
 */
async function handOverPublishedTables(sql: SqlClient, logins: RoleLogins, targetSchema: string): Promise<void> {
  const rows = await sql<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${targetSchema} and c.relkind = 'r' and pg_get_userbyid(c.relowner) = current_user
      and exists (
        select 1 from datamorph.runs r
        where r.status = 'succeeded' and r.target_schema = ${targetSchema}
          and (c.relname = r.target_table or c.relname = left(r.target_table, 53) || '__previous'))`;
  for (const { name } of rows)
    await sql.unsafe(
      `alter table ${quoteIdent(targetSchema)}.${quoteIdent(name)} owner to ${quoteIdent(logins.builder.user)}`,
    );
}

/**
 * Makes sure the reader and builder logins of the database behind `sql` exist and hold exactly
 * their grants. Returns a warning instead of failing when the owner may not create roles: the
 * app still starts, and the console and runs say what to do.
 */
export async function setUpRoles(
  sql: SqlClient,
  url: string,
  { sourceSchemas, targetSchema }: { sourceSchemas: string[]; targetSchema: string },
): Promise<{ warning?: string }> {
  const database = databaseOf(url);
  const logins = await ensureRoleLogins(sql, database);
  try {
    await applyRoles(sql, await existingScope(sql, { database, sourceSchemas, targetSchema }), logins);
    await handOverPublishedTables(sql, logins, targetSchema);
    return {};
  } catch (error) {
    if (error instanceof RoleSetupError) return { warning: error.message };
    throw error;
  }
}

/**
 * For callers that open a database themselves (evaluations, tests): sets the roles up over the
 * owner connection, then opens small pools of them.
 */
export async function setUpAndOpenRoles(
  sql: SqlClient,
  url: string,
  scope: { sourceSchemas: string[]; targetSchema: string },
  sizes = { reader: 2, builder: 2 },
): Promise<RoleClients> {
  const { warning } = await setUpRoles(sql, url, scope);
  if (warning) throw new RoleSetupError(warning);
  return openRoleClients(sql, url, sizes);
}
