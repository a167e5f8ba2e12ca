import { getSql, resolveDatabaseUrl } from "@/lib/db";
import { ensureRoleLogins } from "@/lib/db/role-logins";
import { applyRoles, formatStatements, RoleSetupError, ROLE_KINDS, setupStatements } from "@/lib/db/roles";
import { databaseOf, setUpRoles } from "@/lib/db/set-up-roles";
import type { Command } from "./commands";
import { CliError } from "./output";

export const dbCommand: Command = {
  usage: [
    "Usage: npm run -s datamorph -- db roles [--apply] [--json]",
    "",
    "Prints the CREATE ROLE / GRANT statements of the reader login (SQL console, catalog reads) and",
    "the builder login (runs). A database administrator can run them in psql; DataMorph finds the",
    "passwords in its own settings. With --apply, DataMorph runs them itself (needs CREATEROLE).",
  ].join("\n"),
  options: { apply: { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean" } },
  async run({ values, positionals, env }) {
    if (positionals[0] !== "roles" || positionals.length > 1)
      throw new CliError(`Unknown db command "${positionals.join(" ")}". Try: db roles`, 2);
    const sql = getSql();
    const url = resolveDatabaseUrl();
    const database = databaseOf(url);
    const scope = { database, sourceSchemas: env.sourceSchemas, targetSchema: env.targetSchema };
    const logins = await ensureRoleLogins(sql, database);
    if (values.apply) {
      try {
        await applyRoles(sql, scope, logins);
      } catch (error) {
        if (error instanceof RoleSetupError) throw new CliError(`${error.message}`, 1);
        throw error;
      }
      await setUpRoles(sql, url, env);
    }
    const [{ owner }] = await sql<{ owner: string }[]>`select current_user as owner`;
    const existing = await sql<
      { rolname: string; rolsuper: boolean }[]
    >`select rolname, rolsuper from pg_roles where rolname = any(${ROLE_KINDS.map((k) => logins[k].user)})`;
    const status = ROLE_KINDS.map((kind) => ({
      kind,
      user: logins[kind].user,
      exists: existing.some((r) => r.rolname === logins[kind].user),
    }));
    const statements = setupStatements(scope, logins, owner);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ database, owner, roles: status, statements })}\n`);
      return 0;
    }
    for (const role of status)
      process.stderr.write(`${role.kind.padEnd(7)}  ${role.user}  ${role.exists ? "exists" : "missing"}\n`);
    process.stderr.write(
      values.apply
        ? "Applied.\n"
        : `\nStatements to run as a role that may create roles (e.g. in psql on ${database}):\n\n`,
    );
    if (!values.apply) process.stdout.write(`${formatStatements(statements)}\n`);
    return 0;
  },
};
