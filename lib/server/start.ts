import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { closeDb, getSql } from "@/lib/db";
import { stopEmbeddedPostgres } from "@/lib/db/embedded";
import { childEnvironment, ConfigError, getEnv } from "@/lib/env";
import { ensureAuthSecret } from "./auth-secret";
import { isBuildStale, runNext } from "./build";
import { prepareDatabase } from "./prepare";
import { onStopRequest } from "./stop-request";

// `npm start`: get the database ready, build when the sources changed, then serve the web app.
const log = (line: string) => console.log(`[datamorph] ${line}`);
const dev = process.argv.includes("--dev");
// Idle connections stay open longer than clients and load balancers keep theirs (an AWS load
// balancer: 60 s), so a request is never sent down a connection the server is just closing,
// which the client sees as a reset (Node's default is 5 s).
const KEEP_ALIVE_MS = 65_000;

/** The Next.js process running now (build or server), so a stop request can end it. */
let child: ChildProcess | undefined;
let stopping = false;

async function runChild(next: ChildProcess): Promise<number | null> {
  child = next;
  const [code] = await once(next, "exit");
  child = undefined;
  return code as number | null;
}

async function main(): Promise<number> {
  const started = performance.now();
  const env = getEnv();
  const authSecret = env.authSecret ?? (env.mode === "embedded" ? await ensureAuthSecret(env.dataDir) : undefined);
  if (!authSecret)
    throw new ConfigError("AUTH_SECRET is required when DATABASE_URL is set (try: openssl rand -base64 32).");

  await prepareDatabase(env, log);
  log(env.mode === "embedded" ? `Embedded Postgres ready (data in ${env.dataDir})` : "Connected to DATABASE_URL");
  // Holding a connection for the app's lifetime keeps a finishing CLI command from stopping the
  // shared embedded cluster under the web app.
  await getSql()`select 1`;

  const childEnv = childEnvironment({ AUTH_SECRET: authSecret, PORT: String(env.port) });
  if (!dev && !stopping && isBuildStale()) {
    log("Building the web app (first start or changed sources)…");
    const code = await runChild(runNext(["build"], childEnv));
    if (code !== 0 && !stopping) throw new Error("The web app build failed; see the output above.");
  }
  if (stopping) return 0;
  const version = JSON.parse(await readFile("package.json", "utf8")).version;
  const shownHost = env.host.includes(":") ? `[${env.host}]` : env.host;
  log(
    `DataMorph ${version} starting on http://${shownHost}:${env.port} (prepared in ${Math.round(performance.now() - started)} ms)`,
  );
  const serve = dev ? ["dev"] : ["start", "--keepAliveTimeout", String(KEEP_ALIVE_MS)];
  const code = await runChild(runNext([...serve, "-p", String(env.port), "-H", env.host], childEnv));
  return stopping ? 0 : (code ?? 0);
}

/** Closes the pools and stops the embedded cluster when no other DataMorph process still uses it. */
async function shutDown(): Promise<void> {
  await closeDb().catch(() => {});
  const env = getEnv();
  if (env.mode === "embedded" && (await stopEmbeddedPostgres(env.dataDir, { onlyIfIdle: true }).catch(() => false))) {
    log("Embedded Postgres stopped");
  }
}

onStopRequest((signal) => {
  if (stopping) return;
  stopping = true;
  log(`Stopping (${signal})…`);
  // The child stops itself; main() then returns and the shutdown below runs once.
  if (child) child.kill(signal === "parent exited" ? "SIGTERM" : signal);
  else void shutDown().then(() => process.exit(0));
});

main().then(
  async (code) => {
    await shutDown();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(
      error instanceof ConfigError ? error.message : `[datamorph] ${error instanceof Error ? error.message : error}`,
    );
    await shutDown();
    process.exit(1);
  },
);
