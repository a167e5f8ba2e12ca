import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { closeDb, getSql } from "@/lib/db";
import { stopEmbeddedPostgres } from "@/lib/db/embedded";
import { ConfigError, getEnv } from "@/lib/env";
import { ensureAuthSecret } from "./auth-secret";
import { isBuildStale, runNext } from "./build";
import { prepareDatabase } from "./prepare";

// `npm start`: get the database ready, build when the sources changed, then serve the web app.
const log = (line: string) => console.log(`[datamorph] ${line}`);
const dev = process.argv.includes("--dev");

async function main(): Promise<number> {
  const started = performance.now();
  const env = getEnv();
  const authSecret =
    env.authSecret ?? (env.mode === "embedded" ? await ensureAuthSecret(env.dataDir) : undefined);
  if (!authSecret) throw new ConfigError("AUTH_SECRET is required when DATABASE_URL is set (try: openssl rand -base64 32).");

  await prepareDatabase(env, log);
  log(env.mode === "embedded" ? `Embedded Postgres ready (data in ${env.dataDir})` : "Connected to DATABASE_URL");
  // Holding a connection for the app's lifetime keeps a finishing CLI command from stopping the
  // shared embedded cluster under the web app.
  await getSql()`select 1`;

  const childEnv = { ...process.env, AUTH_SECRET: authSecret, PORT: String(env.port) };
  if (!dev && isBuildStale()) {
    log("Building the web app (first start or changed sources)…");
    const build = runNext(["build"], childEnv);
    const [code] = await once(build, "exit");
    if (code !== 0) throw new Error("The web app build failed; see the output above.");
  }
  const version = JSON.parse(await readFile("package.json", "utf8")).version;
  log(`DataMorph ${version} starting on http://localhost:${env.port} (prepared in ${Math.round(performance.now() - started)} ms)`);
  const server = runNext([dev ? "dev" : "start", "-p", String(env.port)], childEnv);

  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  const [code] = await once(server, "exit");

  await closeDb();
  if (env.mode === "embedded" && (await stopEmbeddedPostgres(env.dataDir, { onlyIfIdle: true }).catch(() => false))) {
    log("Embedded Postgres stopped");
  }
  return typeof code === "number" ? code : 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `[datamorph] ${error instanceof Error ? error.message : error}`);
    await closeDb().catch(() => {});
    process.exit(1);
  },
);
