import { createHash, randomBytes } from "node:crypto";
import type { SqlClient, SqlExecutor } from "./client";
import { quoteIdent } from "./ident";

/**
 * The restricted logins DataMorph uses besides its owner connection:
 * - `reader`: the SQL console, `datamorph sql`, the profiler and catalog reads. SELECT on the
 *   source and target schemas only; no access to the `datamorph` schema, no server files or
 *   programs, not a superuser.
 * - `builder`: runs. Reads the sources and creates, replaces and drops only tables it owns in
 *   the target schema, so a run can never drop a source table: the database refuses.
 */
export type RoleKind = "reader" | "builder";
export const ROLE_KINDS: RoleKind[] = ["reader", "builder"];

export type RoleLogin = { user: string; password: string };
export type RoleLogins = Record<RoleKind, RoleLogin>;

export type RoleScope = {
  /** The database the roles work in; role names are per database, since roles are cluster-wide. */
  database: string;
  sourceSchemas: string[];
  targetSchema: string;
};

// More connections than this per role means something is wrong; the database enforces it.
const CONNECTION_LIMIT: Record<RoleKind, number> = { reader: 20, builder: 20 };
// Defaults the server applies to every session of the role, before DataMorph sets anything.
const ROLE_TIMEOUTS: Record<RoleKind, { statement: string; idle: string }> = {
  reader: { statement: "30s", idle: "60s" },
  builder: { statement: "15min", idle: "5min" },
};

/** `dm_<database>_<kind>`, within Postgres's 63-byte limit, the same for every DataMorph process. */
export function roleName(database: string, kind: RoleKind): string {
  const base = database.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const name = `dm_${base}_${kind}`;
  if (name.length <= 63) return name;
  const hash = createHash("sha256").update(database).digest("hex").slice(0, 8);
  return `dm_${base.slice(0, 63 - kind.length - 14)}_${hash}_${kind}`;
}

/** Fresh logins for a database: names from `roleName`, random passwords. */
export function newRoleLogins(database: string): RoleLogins {
  const login = (kind: RoleKind) => ({
    user: roleName(database, kind),
    password: randomBytes(24).toString("base64url"),
  });
  return { reader: login("reader"), builder: login("builder") };
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** `CREATE ROLE` for one login: can log in, and nothing else. */
export function createRoleStatement(kind: RoleKind, login: RoleLogin): string {
  return (
    `create role ${quoteIdent(login.user)} login password ${literal(login.password)} ` +
    `nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls connection limit ${CONNECTION_LIMIT[kind]}`
  );
}

/** Session defaults the server applies to every login of the role, before DataMorph sets anything. */
export function roleDefaultsStatements(kind: RoleKind, login: RoleLogin, database: string): string[] {
  const role = `${quoteIdent(login.user)} in database ${quoteIdent(database)}`;
  return [
    `alter role ${role} set statement_timeout = ${literal(ROLE_TIMEOUTS[kind].statement)}`,
    `alter role ${role} set idle_in_transaction_session_timeout = ${literal(ROLE_TIMEOUTS[kind].idle)}`,
  ];
}

/**
 * Grants that make the logins work, safe to run again: connect, read the source and target
 * schemas (today's tables and, through default privileges, tomorrow's), create in the target
 * schema, and nothing on `datamorph`.
 */
export function grantStatements(scope: RoleScope, logins: RoleLogins, owner: string): string[] {
  const reader = quoteIdent(logins.reader.user);
  const builder = quoteIdent(logins.builder.user);
  const readable = [...new Set([...scope.sourceSchemas, scope.targetSchema])].map(quoteIdent);
  const target = quoteIdent(scope.targetSchema);
  const statements = [`revoke all on schema datamorph from public`];
  for (const schema of readable) {
    statements.push(
      `grant usage on schema ${schema} to ${reader}, ${builder}`,
      `grant select on all tables in schema ${schema} to ${reader}, ${builder}`,
      `alter default privileges for role ${quoteIdent(owner)} in schema ${schema} grant select on tables to ${reader}, ${builder}`,
    );
  }
  statements.push(
    `grant create on schema ${target} to ${builder}`,
    // What a run publishes, the console may read.
    `alter default privileges for role ${builder} in schema ${target} grant select on tables to ${reader}`,
  );
  return statements;
}

/** Every statement an administrator runs to create the logins from scratch. */
export function setupStatements(scope: RoleScope, logins: RoleLogins, owner: string): string[] {
  return [
    ...ROLE_KINDS.flatMap((kind) => [
      createRoleStatement(kind, logins[kind]),
      ...roleDefaultsStatements(kind, logins[kind], scope.database),
    ]),
    `grant connect on database ${quoteIdent(scope.database)} to ${quoteIdent(logins.reader.user)}, ${quoteIdent(logins.builder.user)}`,
    // The owner may act as the builder, to hand it tables the app made before the roles existed.
    `grant ${quoteIdent(logins.builder.user)} to ${quoteIdent(owner)}`,
    ...grantStatements(scope, logins, owner),
  ];
}

/** Why the roles could not be set up, when the owner connection lacks the right. */
export class RoleSetupError extends Error {
  override name = "RoleSetupError";
}

async function roleExists(sql: SqlClient, name: string): Promise<boolean> {
  const [row] = await sql`select 1 as found from pg_roles where rolname = ${name}`;
  return Boolean(row);
}

/**
 * Creates or refreshes the reader and builder logins of `scope` over the owner connection `sql`.
 * Needs CREATEROLE (or superuser) to create them; when they exist already (an administrator ran
 * `datamorph db roles`), only the grants are refreshed. Throws RoleSetupError when it may not.
 */
export async function applyRoles(sql: SqlClient, scope: RoleScope, logins: RoleLogins): Promise<void> {
  const [{ owner, superuser, canCreateRoles }] = await sql<
    { owner: string; superuser: boolean; canCreateRoles: boolean }[]
  >`
    select current_user as owner, rolsuper as superuser, (rolsuper or rolcreaterole) as "canCreateRoles" from pg_roles where rolname = current_user`;
  const statements: string[] = [];
  for (const kind of ROLE_KINDS) {
    const login = logins[kind];
    const exists = await roleExists(sql, login.user);
    if (!exists && !canCreateRoles) {
      throw new RoleSetupError(
        `The login ${login.user} does not exist and ${owner} may not create roles. ` +
          "Run `npm run -s datamorph -- db roles` and have a database administrator apply the statements it prints.",
      );
    }
    if (!exists)
      statements.push(createRoleStatement(kind, login), ...roleDefaultsStatements(kind, login, scope.database));
    // A superuser also resets a login someone widened or whose password drifted.
    else if (superuser)
      statements.push(
        createRoleStatement(kind, login).replace(/^create role/, "alter role"),
        ...roleDefaultsStatements(kind, login, scope.database),
      );
  }
  if (canCreateRoles) statements.push(`grant ${quoteIdent(logins.builder.user)} to ${quoteIdent(owner)}`);
  statements.push(...grantStatements(scope, logins, owner));
  // Two processes starting at once would race on the same catalog rows; one at a time. A grant
  // on every table of a schema also races with a run publishing a table there (its rename and
  // grants write the same rows), which Postgres reports as "tuple concurrently updated": the
  // whole transaction is then tried again, as nothing of it was kept.
  for (let attempt = 1; ; attempt++) {
    try {
      await sql.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(${ROLE_GRANTS_LOCK})`;
        for (const statement of statements) await tx.unsafe(statement);
      });
      return;
    } catch (error) {
      if (attempt >= 5 || !isConcurrentCatalogUpdate(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/**
 * The lock that the role set-up holds alone, and that a swap or drop of a published table holds
 * shared: the set-up's grants on every table of a schema write the same catalog rows as a
 * rename or a drop, and Postgres fails whichever writes second ("tuple concurrently updated").
 */
export const ROLE_GRANTS_LOCK = 7126034;

/** Waits for a role set-up in progress, and keeps the next from starting until `tx` ends. */
export async function holdRoleGrantsShared(tx: SqlExecutor): Promise<void> {
  await tx`select pg_advisory_xact_lock_shared(${ROLE_GRANTS_LOCK})`;
}

const isConcurrentCatalogUpdate = (error: unknown) =>
  error instanceof Error && /tuple concurrently (updated|deleted)/.test(error.message);

/** The SQL of every role statement, one per line, ready to paste into psql. */
export function formatStatements(statements: string[]): string {
  return statements.map((statement) => `${statement};`).join("\n");
}
