import type postgres from "postgres";

/** One checksum per table and per catalog fact that hostile SQL could change. */
export type Fingerprint = Record<string, string>;

// Tables that change on every request would make every comparison fail; DataMorph has none
// today (sessions are signed cookies), so nothing is left out. Add "schema.table" here if one appears.
const CHANGES_ON_EVERY_REQUEST = new Set<string>([]);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

// Catalog facts read through the superuser connection, each folded into one md5. Temporary
// schemas are left out: their objects end with the session that made them (console sessions are
// closed after each query), and the checks end every other session between entries.
const CATALOG: Record<string, string> = {
  relations: `select n.nspname, c.relname, c.relkind, c.relacl::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r','p','v','m','S','f') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'`,
  roles: `select rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit, rolvaliduntil, md5(coalesce(rolpassword, '')) from pg_authid`,
  "role memberships": `select roleid::regrole::text, member::regrole::text, admin_option from pg_auth_members`,
  "role and database settings": `select setdatabase, setrole, setconfig::text from pg_db_role_setting`,
  "large objects": `select m.oid, md5(coalesce(string_agg(encode(d.data, 'hex'), '' order by d.pageno), '')) from pg_largeobject_metadata m left join pg_largeobject d on d.loid = m.oid group by m.oid`,
  extensions: `select extname, extversion from pg_extension`,
  schemas: `select nspname, nspacl::text from pg_namespace`,
  functions: `select n.nspname, p.proname, p.prosecdef, md5(p.prosrc) from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_temp%'`,
  comments: `select objoid, classoid, objsubid, description from pg_description`,
  "default privileges": `select defaclrole, defaclnamespace, defaclobjtype, defaclacl::text from pg_default_acl`,
  databases: `select datname, datacl::text from pg_database`,
  "server configuration file": `select md5(pg_read_file('postgresql.auto.conf'))`,
  "manual vacuum and analyze": `select relid, last_vacuum, last_analyze from pg_stat_all_tables where schemaname not like 'pg_temp%' and schemaname not like 'pg_toast_temp%'`,
};

/** The next transaction id: it moves only when some transaction wrote something, anywhere. */
export async function nextTransactionId(sql: postgres.Sql): Promise<string> {
  const [{ next }] = await sql<{ next: string }[]>`select pg_snapshot_xmax(pg_current_snapshot())::text as next`;
  return next;
}

/**
 * The catalog facts above, the app's sequences (they move without a transaction id) and the
 * next transaction id: cheap enough to take after every single input.
 */
export async function quickFingerprint(sql: postgres.Sql): Promise<Fingerprint> {
  const sequences = await sql<{ schema: string; name: string }[]>`
    select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'S' and n.nspname not in ('pg_catalog', 'information_schema') order by 1, 2`;
  const parts = [
    ...sequences.map(
      (t) =>
        `select 'sequence ${`${t.schema}.${t.name}`.replace(/'/g, "''")}' as part, last_value || ':' || is_called as sum from ${quote(t.schema)}.${quote(t.name)}`,
    ),
    ...Object.entries(CATALOG).map(
      ([part, query]) =>
        `select '${part}' as part, md5(coalesce(string_agg(f::text, E'\\n' order by f::text), '')) as sum from (${query}) f`,
    ),
  ];
  const rows = await sql.unsafe<{ part: string; sum: string }[]>(parts.join("\nunion all\n"));
  return {
    ...Object.fromEntries(rows.map((row) => [row.part, row.sum])),
    "next transaction id": await nextTransactionId(sql),
  };
}

/**
 * The quick fingerprint plus a checksum of every row of every table in every schema (the
 * warehouse and the app's own `datamorph` schema): row count and the sum of the rows' hashes.
 */
export async function fingerprintDatabase(sql: postgres.Sql): Promise<Fingerprint> {
  const tables = await sql<{ schema: string; name: string }[]>`
    select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'm') and n.nspname not in ('pg_catalog', 'information_schema')
      and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'
    order by 1, 2`;
  const checked = tables.filter((t) => !CHANGES_ON_EVERY_REQUEST.has(`${t.schema}.${t.name}`));
  const sums = checked.map(
    (t) => `select 'table ${`${t.schema}.${t.name}`.replace(/'/g, "''")}' as part,
    count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) as sum from ${quote(t.schema)}.${quote(t.name)} t`,
  );
  const rows = await sql.unsafe<{ part: string; sum: string }[]>(sums.join("\nunion all\n"));
  return { ...(await quickFingerprint(sql)), ...Object.fromEntries(rows.map((row) => [row.part, row.sum])) };
}

/** The parts (tables, catalog facts) that differ between two fingerprints. */
export function changedParts(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
