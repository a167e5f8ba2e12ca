import postgres from "postgres";
import { quoteIdent } from "./ident";

export type OwnerLogin = { user: string; password: string };

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Makes `owner` the role the embedded app works as: it owns the database and everything in it,
 * may create the reader and builder logins (CREATEROLE, which since Postgres 16 only reaches roles
 * it created), and is not a superuser, so no request of the app can read server files or run
 * programs. Objects an earlier version made as the superuser are handed over. Run as the
 * cluster's superuser, over `superuserUrl`; safe to run on every start.
 */
export async function ensureEmbeddedOwner(superuserUrl: string, database: string, owner: OwnerLogin): Promise<void> {
  const sql = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  const role = quoteIdent(owner.user);
  try {
    await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(7126035)`;
      const [existing] = await tx`select 1 from pg_roles where rolname = ${owner.user}`;
      const attributes = `login password ${literal(owner.password)} nosuperuser createrole nocreatedb noreplication nobypassrls`;
      await tx.unsafe(existing ? `alter role ${role} ${attributes}` : `create role ${role} ${attributes}`);
      await tx.unsafe(`alter database ${quoteIdent(database)} owner to ${role}`);
      // Objects outside pg_* and information_schema that the superuser owns; the rest is the server's.
      const schemas = await tx<{ name: string }[]>`
        select n.nspname as name from pg_namespace n
        where n.nspowner = (select oid from pg_roles where rolname = current_user) and n.nspname !~ '^pg_' and n.nspname <> 'information_schema'`;
      for (const { name } of schemas) await tx.unsafe(`alter schema ${quoteIdent(name)} owner to ${role}`);
      // Sequences that belong to a column follow their table.
      const relations = await tx<{ name: string }[]>`
        select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relowner = (select oid from pg_roles where rolname = current_user) and n.nspname !~ '^pg_' and n.nspname <> 'information_schema'
          and (c.relkind in ('r', 'p', 'v', 'm', 'f')
               or (c.relkind = 'S' and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))))`;
      for (const { name } of relations) await tx.unsafe(`alter table ${name} owner to ${role}`);
      const types = await tx<{ name: string }[]>`
        select t.oid::regtype::text as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where t.typowner = (select oid from pg_roles where rolname = current_user) and n.nspname !~ '^pg_' and n.nspname <> 'information_schema'
          and t.typtype in ('e', 'd')`;
      for (const { name } of types) await tx.unsafe(`alter type ${name} owner to ${role}`);
    });
  } finally {
    await sql.end({ timeout: 1 });
  }
}
