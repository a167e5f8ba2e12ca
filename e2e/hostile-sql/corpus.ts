/**
 * Hostile SQL that a signed-in user may type into the console (`POST /api/query`) or the CLI
 * (`datamorph sql`). Every entry must be answered safely: no secret in the answer, no change to
 * the database or the server's files, no state left on a pooled connection, bounded time and bytes.
 *
 * `expect` says what a safe answer looks like on top of those checks:
 * - `refused`: a clear error (HTTP 4xx, CLI exit 1). The console must not run it at all.
 * - `no-rows`: refused, or an answer with zero rows (catalog views that hide what a role may not see).
 * - `harmless`: any clear answer; it must only leave nothing behind (session state, locks, files).
 * - `bounded`: any clear answer within the time and byte caps.
 */
export type Expectation = "refused" | "no-rows" | "harmless" | "bounded";

export type CorpusGroup = "secrets" | "server-files" | "writes" | "session" | "disguise" | "resources";

export type HostileInput = { id: string; group: CorpusGroup; attempts: string; sql: string; expect: Expectation };

/** Every file an entry tries to create starts with this, under /tmp or the cluster's data folder. */
export const MARKER_PREFIX = "dm-hostile-";

/** A connection of the test's own that entries try to kill, to show one user cannot cut off another. */
export const VICTIM_APP_NAME = "dm-hostile-victim";

type Entry = [id: string, attempts: string, sql: string, expect: Expectation];

const group = (name: CorpusGroup, entries: Entry[]): HostileInput[] =>
  entries.map(([id, attempts, sql, expect]) => ({ id, group: name, attempts, sql, expect }));

const secrets = group("secrets", [
  ["secrets-users-star", "read every account row", "select * from datamorph.users", "refused"],
  [
    "secrets-password-hash",
    "read the password hashes directly",
    "select email, password_hash from datamorph.users",
    "refused",
  ],
  [
    "secrets-to-jsonb",
    "read accounts through to_jsonb of the row",
    "select to_jsonb(u) from datamorph.users u",
    "refused",
  ],
  [
    "secrets-row-to-json",
    "read accounts through row_to_json",
    "select row_to_json(u)::text as j from datamorph.users u",
    "refused",
  ],
  [
    "secrets-json-agg",
    "read accounts folded into one json_agg cell",
    "select json_agg(u) from datamorph.users u",
    "refused",
  ],
  [
    "secrets-string-agg",
    "read every hash folded into one cell",
    "select string_agg(password_hash, ',') from datamorph.users",
    "refused",
  ],
  [
    "secrets-cte",
    "read accounts through a CTE",
    "with u as (select * from datamorph.users) select * from u",
    "refused",
  ],
  [
    "secrets-scalar-subquery",
    "read a hash through a scalar subquery",
    "select (select password_hash from datamorph.users order by created_at limit 1) as h",
    "refused",
  ],
  [
    "secrets-query-to-xml",
    "read accounts through query_to_xml",
    "select query_to_xml('select * from datamorph.users', true, false, '')",
    "refused",
  ],
  [
    "secrets-table-to-xml",
    "read accounts through table_to_xml",
    "select table_to_xml('datamorph.users'::regclass, true, false, '')",
    "refused",
  ],
  [
    "secrets-schema-to-xml",
    "read the whole app schema through schema_to_xml",
    "select schema_to_xml('datamorph', true, false, '')",
    "harmless",
  ],
  [
    "secrets-like-oracle",
    "learn hash contents one guess at a time",
    "select count(*) as n from datamorph.users where password_hash like '$2%'",
    "refused",
  ],
  [
    "secrets-cast-error",
    "leak a hash through a cast error message",
    "select password_hash::int from datamorph.users",
    "refused",
  ],
  [
    "secrets-pg-stats",
    "read account values from planner statistics",
    "select attname, most_common_vals::text as mcv, histogram_bounds::text as hist from pg_stats where schemaname = 'datamorph'",
    "no-rows",
  ],
  [
    "secrets-pg-statistic",
    "read raw planner statistics of every column",
    "select starelid::regclass::text as t, stavalues1::text as v1, stavalues2::text as v2 from pg_statistic",
    "refused",
  ],
  [
    "secrets-information-schema",
    "list the app's tables through information_schema",
    "select table_name, column_name from information_schema.columns where table_schema = 'datamorph'",
    "no-rows",
  ],
  ["secrets-settings-table", "read the app's settings", "select * from datamorph.settings", "refused"],
  ["secrets-runs-table", "read every user's runs", "select * from datamorph.runs", "refused"],
  ["secrets-pg-authid", "read role password verifiers", "select rolname, rolpassword from pg_authid", "refused"],
  [
    "secrets-pg-shadow",
    "read role password verifiers through pg_shadow",
    "select usename, passwd from pg_shadow",
    "refused",
  ],
  [
    "secrets-pg-user",
    "read passwords through pg_user (always masked)",
    "select usename, passwd from pg_user",
    "harmless",
  ],
  [
    "secrets-data-directory",
    "learn the server's data folder",
    "select current_setting('data_directory') as d",
    "refused",
  ],
  ["secrets-hba-file", "learn where pg_hba.conf lives", "select current_setting('hba_file') as f", "refused"],
  ["secrets-config-file", "learn where postgresql.conf lives", "select current_setting('config_file') as f", "refused"],
  ["secrets-show-data-directory", "learn the data folder through SHOW", "show data_directory", "refused"],
  [
    "secrets-pg-settings-paths",
    "learn server paths through pg_settings",
    "select name, setting from pg_settings where name in ('data_directory', 'hba_file', 'config_file', 'ident_file')",
    "no-rows",
  ],
  ["secrets-hba-rules", "read the authentication rules", "select * from pg_hba_file_rules", "refused"],
  ["secrets-file-settings", "read the server's configuration files", "select * from pg_file_settings", "refused"],
  [
    "secrets-dblink",
    "read accounts through a dblink loopback",
    "select * from dblink('dbname=datamorph', 'select password_hash from datamorph.users') as t(h text)",
    "refused",
  ],
  [
    "secrets-create-extension",
    "install dblink to reach other databases",
    "create extension if not exists dblink",
    "refused",
  ],
]);

const serverFiles = group("server-files", [
  ["files-read-passwd", "read /etc/passwd", "select pg_read_file('/etc/passwd') as f", "refused"],
  [
    "files-read-passwd-range",
    "read the start of /etc/passwd",
    "select pg_read_file('/etc/passwd', 0, 200) as f",
    "refused",
  ],
  [
    "files-read-binary-passwd",
    "read /etc/passwd as bytes",
    "select pg_read_binary_file('/etc/passwd') as f",
    "refused",
  ],
  [
    "files-environ-escaped",
    "read the server process's environment",
    "select encode(pg_read_binary_file('/proc/self/environ'), 'escape') as e",
    "refused",
  ],
  [
    "files-environ-binary",
    "read the server process's environment as bytes",
    "select pg_read_binary_file('/proc/self/environ') as e",
    "refused",
  ],
  [
    "files-hba-by-setting",
    "read pg_hba.conf through its setting",
    "select pg_read_file(current_setting('hba_file')) as f",
    "refused",
  ],
  [
    "files-hba-relative",
    "read pg_hba.conf relative to the data folder",
    "select pg_read_file('pg_hba.conf') as f",
    "refused",
  ],
  [
    "files-authid-heap",
    "read the raw pg_authid heap file (password verifiers)",
    "select encode(pg_read_binary_file('global/1260'), 'escape') as f",
    "refused",
  ],
  ["files-auto-conf", "read postgresql.auto.conf", "select pg_read_file('postgresql.auto.conf') as f", "refused"],
  [
    "files-traversal",
    "read /etc/passwd by climbing out of the data folder",
    "select pg_read_file('../../../../../../../../etc/passwd') as f",
    "refused",
  ],
  [
    "files-from-clause",
    "read /etc/passwd as a table function",
    "select * from pg_read_file('/etc/passwd') as f",
    "refused",
  ],
  [
    "files-cast-error",
    "leak /etc/passwd through a cast error message",
    "select cast(pg_read_file('/etc/passwd') as int)",
    "refused",
  ],
  ["files-ls-data-dir", "list the data folder", "select pg_ls_dir('.') as f", "refused"],
  ["files-ls-etc", "list /etc", "select * from pg_ls_dir('/etc') as f", "refused"],
  ["files-stat-passwd", "inspect /etc/passwd", "select * from pg_stat_file('/etc/passwd')", "refused"],
  ["files-ls-waldir", "list the WAL folder", "select * from pg_ls_waldir()", "refused"],
  ["files-copy-to-tmp", "write a file with COPY TO", "copy (select 1) to '/tmp/dm-hostile-copy'", "refused"],
  [
    "files-copy-users-csv",
    "export the accounts to a file",
    "copy (select email, password_hash from datamorph.users) to '/tmp/dm-hostile-users.csv' with csv",
    "refused",
  ],
  [
    "files-copy-into-data-dir",
    "write a file into the data folder",
    "copy (select 1) to 'dm-hostile-in-data-dir'",
    "refused",
  ],
  [
    "files-copy-to-program",
    "run a shell command with COPY TO PROGRAM",
    "copy (select 1) to program 'id > /tmp/dm-hostile-program'",
    "refused",
  ],
  [
    "files-copy-env-to-program",
    "dump the server environment with a shell command",
    "copy (select 1) to program 'env > /tmp/dm-hostile-env'",
    "refused",
  ],
  [
    "files-copy-from-program",
    "run a shell command with COPY FROM PROGRAM",
    "copy public.orders from program 'touch /tmp/dm-hostile-from-program'",
    "refused",
  ],
  ["files-copy-from-file", "load /etc/passwd into a table", "copy public.orders from '/etc/passwd'", "refused"],
  ["files-lo-import", "import /etc/passwd as a large object", "select lo_import('/etc/passwd')", "refused"],
  [
    "files-lo-export",
    "write a file through a large object",
    "select lo_export(lo_from_bytea(0, '\\x6869'::bytea), '/tmp/dm-hostile-lo')",
    "refused",
  ],
  ["files-lo-create", "create a large object", "select lo_from_bytea(0, convert_to('hostile', 'UTF8'))", "refused"],
]);

const writes = group("writes", [
  ["writes-insert", "insert a row", "insert into public.customers select * from public.customers limit 1", "refused"],
  ["writes-update", "change every order", "update public.orders set amount = 0", "refused"],
  ["writes-delete", "delete the payments", "delete from public.payments", "refused"],
  ["writes-truncate", "empty a table", "truncate public.order_items", "refused"],
  ["writes-drop-table", "drop a source table", "drop table public.orders", "refused"],
  ["writes-drop-app-schema", "drop the app's schema", "drop schema datamorph cascade", "refused"],
  ["writes-create-table", "create a table", "create table public.dm_hostile_t (x int)", "refused"],
  [
    "writes-alter-table",
    "add a column to a source table",
    "alter table public.customers add column dm_hostile int",
    "refused",
  ],
  ["writes-grant", "open the accounts table to everyone", "grant all on datamorph.users to public", "refused"],
  ["writes-comment", "change a table's comment", "comment on table public.orders is 'dm-hostile'", "refused"],
  [
    "writes-select-into",
    "create a table with SELECT INTO",
    "select * into public.dm_hostile_copy from public.orders",
    "refused",
  ],
  ["writes-temp-table", "create a temporary table", "create temp table dm_hostile_tmp as select 1 as x", "refused"],
  ["writes-nextval", "advance an app sequence", "select nextval('datamorph.run_events_id_seq')", "refused"],
  ["writes-setval", "rewind an app sequence", "select setval('datamorph.run_events_id_seq', 1)", "refused"],
  ["writes-promote-self", "make every account an admin", "update datamorph.users set role = 'admin'", "refused"],
  ["writes-delete-accounts", "delete every account", "delete from datamorph.users", "refused"],
  [
    "writes-do-block",
    "drop a table from an anonymous code block",
    "do $$ begin execute 'drop table public.orders'; end $$",
    "refused",
  ],
  [
    "writes-create-procedure",
    "create a procedure that deletes orders",
    "create procedure public.dm_hostile_p() language sql as $$ delete from public.orders $$",
    "refused",
  ],
  ["writes-call", "call a procedure", "call public.dm_hostile_p()", "refused"],
  [
    "writes-security-definer",
    "create a security definer function over the accounts",
    "create function public.dm_hostile_f() returns setof datamorph.users language sql security definer as $$ select * from datamorph.users $$",
    "refused",
  ],
  ["writes-execute", "execute a prepared delete", "execute dm_hostile_drop", "refused"],
  [
    "writes-multi-commit",
    "commit the read-only transaction and drop a table",
    "select 1; commit; drop table public.orders",
    "refused",
  ],
  ["writes-multi-begin", "open a transaction of one's own", "begin; drop table public.orders; commit", "refused"],
  ["writes-commit-drop", "end the console's transaction first", "commit; drop table public.orders", "refused"],
  [
    "writes-rollback-delete",
    "roll back the console's transaction first",
    "rollback; delete from public.payments",
    "refused",
  ],
  ["writes-read-write", "switch the transaction to read-write", "set transaction read write", "refused"],
  [
    "writes-read-only-off",
    "switch read-only off with set_config",
    "select set_config('transaction_read_only', 'off', true), (select count(*) from public.orders) as n",
    "refused",
  ],
  ["writes-alter-system", "change the server configuration", "alter system set log_statement = 'all'", "refused"],
  ["writes-vacuum", "vacuum a table", "vacuum public.orders", "refused"],
  ["writes-analyze", "analyze every table", "analyze", "harmless"],
  [
    "writes-refresh-matview",
    "refresh a materialized view",
    "refresh materialized view public.dm_hostile_mv",
    "refused",
  ],
  [
    "writes-lock-table",
    "lock a table against everyone",
    "lock table public.orders in access exclusive mode",
    "refused",
  ],
  ["writes-for-update", "lock rows", "select * from public.orders for update", "refused"],
  [
    "writes-create-role",
    "create a superuser",
    "create role dm_hostile login superuser password 'dm-hostile'",
    "refused",
  ],
  [
    "writes-grant-file-role",
    "grant oneself the server-file roles",
    "grant pg_read_server_files, pg_execute_server_program to current_user",
    "refused",
  ],
  [
    "writes-terminate",
    "kill another user's connection",
    `select pg_terminate_backend(pid) from pg_stat_activity where application_name = '${VICTIM_APP_NAME}'`,
    "refused",
  ],
  [
    "writes-cancel",
    "cancel another user's query",
    `select pg_cancel_backend(pid) from pg_stat_activity where application_name = '${VICTIM_APP_NAME}'`,
    "refused",
  ],
  ["writes-reload-conf", "reload the server configuration", "select pg_reload_conf()", "refused"],
  ["writes-rotate-logfile", "rotate the server log", "select pg_rotate_logfile()", "refused"],
  ["writes-switch-wal", "force a WAL switch", "select pg_switch_wal()", "refused"],
  ["writes-stat-reset", "wipe the database's statistics", "select pg_stat_reset()", "refused"],
  [
    "writes-explain-analyze",
    "delete through EXPLAIN ANALYZE",
    "explain analyze delete from public.payments",
    "refused",
  ],
]);

const session = group("session", [
  [
    "session-statement-timeout",
    "leave a 1 ms statement timeout on a pooled connection",
    "select set_config('statement_timeout', '1', false)",
    "harmless",
  ],
  ["session-set-statement-timeout", "leave a timeout with plain SET", "set statement_timeout = 1", "harmless"],
  [
    "session-application-name",
    "rename a pooled connection",
    "select set_config('application_name', 'dm-hostile-app', false)",
    "harmless",
  ],
  [
    "session-search-path",
    "change the search path of a pooled connection",
    "select set_config('search_path', 'pg_catalog', false)",
    "harmless",
  ],
  [
    "session-timezone",
    "change other users' time zone",
    "select set_config('TimeZone', 'Pacific/Kiritimati', false)",
    "harmless",
  ],
  [
    "session-datestyle",
    "change other users' date format",
    "select set_config('DateStyle', 'SQL, DMY', false)",
    "harmless",
  ],
  [
    "session-idle-timeout",
    "make pooled connections die when idle in a transaction",
    "select set_config('idle_in_transaction_session_timeout', '1', false)",
    "harmless",
  ],
  [
    "session-lock-timeout",
    "make other users' lock waits fail",
    "select set_config('lock_timeout', '1', false)",
    "harmless",
  ],
  ["session-work-mem", "starve other users' sorts", "select set_config('work_mem', '64kB', false)", "harmless"],
  [
    "session-default-read-only",
    "make other users' writes fail",
    "select set_config('default_transaction_read_only', 'on', false)",
    "harmless",
  ],
  [
    "session-characteristics",
    "make other users' transactions read-only",
    "set session characteristics as transaction read only",
    "harmless",
  ],
  [
    "session-bytea-output",
    "change how bytes reach other users",
    "select set_config('bytea_output', 'escape', false)",
    "harmless",
  ],
  [
    "session-float-digits",
    "change how numbers reach other users",
    "select set_config('extra_float_digits', '-15', false)",
    "harmless",
  ],
  ["session-set-role-superuser", "switch to the cluster superuser", "set role postgres", "refused"],
  ["session-set-role-file-reader", "switch to the server-file reader role", "set role pg_read_server_files", "refused"],
  [
    "session-set-config-role",
    "switch role through set_config",
    "select set_config('role', 'pg_execute_server_program', false)",
    "refused",
  ],
  ["session-authorization", "become the cluster superuser", "set session authorization postgres", "refused"],
  ["session-reset-role", "drop a role switch", "reset role", "harmless"],
  ["session-advisory-lock", "hold a session advisory lock forever", "select pg_advisory_lock(4242)", "harmless"],
  [
    "session-advisory-lock-shared",
    "hold a shared advisory lock forever",
    "select pg_advisory_lock_shared(4243)",
    "harmless",
  ],
  [
    "session-advisory-try-lock",
    "hold an advisory lock taken with try",
    "select pg_try_advisory_lock(4244, 1)",
    "harmless",
  ],
  ["session-advisory-xact-lock", "hold a transaction advisory lock", "select pg_advisory_xact_lock(4245)", "harmless"],
  ["session-listen", "leave a LISTEN on a pooled connection", "listen dm_hostile_chan", "harmless"],
  ["session-notify", "send a notification", "select pg_notify('dm_hostile_chan', 'hello')", "harmless"],
  [
    "session-prepare",
    "leave a prepared statement on a pooled connection",
    "prepare dm_hostile_drop as delete from public.payments",
    "harmless",
  ],
  [
    "session-hold-cursor",
    "leave an open cursor on a pooled connection",
    "declare dm_hostile_cur cursor with hold for select * from public.orders",
    "harmless",
  ],
]);

const DEEP = 3000;

const disguise = group("disguise", [
  ["disguise-mixed-case", "read accounts in mixed case", "SeLeCt * FrOm DataMorph.UsErS", "refused"],
  ["disguise-quoted-names", "read accounts through quoted names", 'select * from "datamorph"."users"', "refused"],
  [
    "disguise-unicode-names",
    "read accounts through U& unicode names",
    String.raw`select * from U&"\0064atamorph".U&"\0075sers"`,
    "refused",
  ],
  [
    "disguise-uescape",
    "read accounts through a custom unicode escape",
    `select * from U&"d!0061tamorph" UESCAPE '!' . users`,
    "refused",
  ],
  [
    "disguise-block-comments",
    "read hashes with comments for spaces",
    "select/**/password_hash/**/from/**/datamorph.users",
    "refused",
  ],
  [
    "disguise-nested-comment",
    "read accounts behind a nested comment",
    "/* a /* nested */ comment */ select * from datamorph.users",
    "refused",
  ],
  [
    "disguise-leading-line-comment",
    "read accounts after a line comment",
    "-- just a comment\nselect * from datamorph.users",
    "refused",
  ],
  [
    "disguise-comment-newline-drop",
    "hide a second statement after a line comment",
    "select 1 -- harmless\n; drop table public.orders",
    "refused",
  ],
  [
    "disguise-comment-hides-drop",
    "hide a drop inside a block comment",
    "select * from datamorph.users /* ; drop table public.orders */",
    "refused",
  ],
  [
    "disguise-dollar-quote",
    "hide a drop inside a dollar-quoted string",
    "select $$ ; drop table public.orders; $$ as s, * from datamorph.users",
    "refused",
  ],
  [
    "disguise-tagged-dollar",
    "read /etc/passwd with a tagged dollar quote",
    "select pg_read_file($p$/etc/passwd$p$) as f",
    "refused",
  ],
  [
    "disguise-e-string",
    "read /etc/passwd with an escaped string",
    String.raw`select pg_read_file(E'\x2fetc\x2fpasswd') as f`,
    "refused",
  ],
  [
    "disguise-unicode-string",
    "read /etc/passwd with a U& string",
    String.raw`select pg_read_file(U&'\002fetc\002fpasswd') as f`,
    "refused",
  ],
  [
    "disguise-chr",
    "read /etc/passwd with a path built by chr()",
    "select pg_read_file(chr(47) || 'etc' || chr(47) || 'passwd') as f",
    "refused",
  ],
  [
    "disguise-base64-path",
    "read /etc/passwd with a base64 path",
    "select pg_read_file(convert_from(decode('L2V0Yy9wYXNzd2Q=', 'base64'), 'UTF8')) as f",
    "refused",
  ],
  [
    "disguise-qualified-function",
    "read /etc/passwd through the schema-qualified function",
    "select pg_catalog.pg_read_file('/etc/passwd') as f",
    "refused",
  ],
  [
    "disguise-quoted-function",
    "read /etc/passwd through the quoted function name",
    `select "pg_read_file"('/etc/passwd') as f`,
    "refused",
  ],
  [
    "disguise-odd-whitespace",
    "read accounts with tabs, form feeds and CRs for spaces",
    "select\t*\ffrom\r\ndatamorph.users  limit 5",
    "refused",
  ],
  ["disguise-parentheses", "read accounts in a parenthesised query", "(select * from datamorph.users)", "refused"],
  [
    "disguise-values",
    "read a hash through VALUES",
    "values ((select password_hash from datamorph.users limit 1))",
    "refused",
  ],
  ["disguise-table-command", "read accounts with TABLE", "table datamorph.users", "refused"],
  [
    "disguise-trailing-semicolon",
    "read accounts with a trailing semicolon",
    "select * from datamorph.users;",
    "refused",
  ],
  ["disguise-leading-semicolons", "read accounts after empty statements", ";;select * from datamorph.users", "refused"],
  [
    "disguise-explain",
    "run EXPLAIN ANALYZE over the accounts",
    "explain (analyze, verbose) select * from datamorph.users",
    "refused",
  ],
  ["disguise-fullwidth", "full-width lookalike keywords", "ｓｅｌｅｃｔ * ｆｒｏｍ datamorph.users", "refused"],
  [
    "disguise-deep-parentheses",
    `read accounts inside ${DEEP} parentheses`,
    `select ${"(".repeat(DEEP)}(select count(*) from datamorph.users)${")".repeat(DEEP)}`,
    "refused",
  ],
]);

const resources = group("resources", [
  // Batches of four run at once (see the spec): each batch holds one of the big answers, so the
  // server never builds more than one of them at a time. COPY TO STDOUT runs last, on its own.
  ["resources-sleep", "hold a connection for a minute", "select pg_sleep(60)", "bounded"],
  [
    "resources-count-series",
    "count a billion generated rows",
    "select count(*) from generate_series(1, 1000000000)",
    "bounded",
  ],
  ["resources-huge-cell", "return one 100 MB cell", "select repeat('x', 100000000) as x", "bounded"],
  [
    "resources-cross-join-rows",
    "stream a cross join",
    "select * from public.orders a cross join public.orders b",
    "bounded",
  ],
  [
    "resources-deep-expression",
    `nest ${DEEP} parentheses`,
    `select ${"(".repeat(DEEP)}1${")".repeat(DEEP)} as x`,
    "bounded",
  ],
  ["resources-sleep-per-row", "sleep a second per row", "select pg_sleep(1) from generate_series(1, 60)", "bounded"],
  [
    "resources-cross-join-count",
    "count a triple cross join",
    "select count(*) from public.orders a, public.orders b, public.orders c",
    "bounded",
  ],
  [
    "resources-huge-string-agg",
    "return a 64 MB string_agg",
    "select string_agg(md5(g::text), '') as s from generate_series(1, 2000000) g",
    "bounded",
  ],
  [
    "resources-recursive-rows",
    "stream an endless recursive CTE",
    "with recursive r(n) as (select 1 union all select n + 1 from r) select * from r",
    "bounded",
  ],
  ["resources-deep-json", "parse JSON nested 100,000 deep", "select repeat('[', 100000)::jsonb", "bounded"],
  [
    "resources-timeout-off",
    "switch the timeout off inside the statement",
    "select set_config('statement_timeout', '0', true), pg_sleep(60)",
    "bounded",
  ],
  [
    "resources-recursive-count",
    "count an endless recursive CTE",
    "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r",
    "bounded",
  ],
  [
    "resources-wide-rows",
    "return 1,000 rows of 100 kB",
    "select repeat('x', 100000) as x from generate_series(1, 1000)",
    "bounded",
  ],
  ["resources-copy-to-stdout", "stream a table with COPY TO STDOUT", "copy public.orders to stdout", "bounded"],
]);

export const corpus: HostileInput[] = [...secrets, ...serverFiles, ...writes, ...session, ...disguise, ...resources];

export const corpusGroups: CorpusGroup[] = ["secrets", "server-files", "writes", "session", "disguise", "resources"];
