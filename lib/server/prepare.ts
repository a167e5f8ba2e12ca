import postgres from "postgres";
import { ensureEmbeddedPostgres } from "@/lib/db/embedded";
import { getSql, resolveDatabaseUrl } from "@/lib/db";
import { setUpRoles } from "@/lib/db/set-up-roles";
import { runMigrations } from "@/lib/db/migrate";
import { recoverAbandonedRuns } from "@/lib/runs/liveness";
import { isDemoLoaded, loadDemoWarehouse } from "@/lib/demo/load";
import type { Env } from "@/lib/env";

export type PreparedDatabase = {
  mode: Env["mode"];
  /** True when this process started the embedded cluster (it may stop it on exit). */
  startedEmbedded: boolean;
  /** Milliseconds spent loading the demo warehouse, when it was loaded now. */
  demoLoadMs?: number;
};

/** Names the server without its password, for messages. */
function describeServer(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || 5432}${pathname}`;
}

async function checkReachable(url: string): Promise<void> {
  const probe = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await probe`select 1`;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot connect to DATABASE_URL (${describeServer(url)}): ${reason}. Check the URL and that the server is running.`,
    );
  } finally {
    await probe.end({ timeout: 1 });
  }
}

/**
 * Gets the database ready for the web app or the CLI: starts the embedded cluster when no
 * DATABASE_URL is set, applies migrations, and on the embedded default loads the demo warehouse
 * once. A user's own server never gets the demo data.
 */
export async function prepareDatabase(env: Env, log: (line: string) => void = () => {}): Promise<PreparedDatabase> {
  let startedEmbedded = false;
  if (env.mode === "embedded") {
    const started = performance.now();
    const server = await ensureEmbeddedPostgres({ dataDir: env.dataDir, port: env.embeddedPort });
    startedEmbedded = server.startedHere;
    if (server.startedHere)
      log(`Embedded Postgres started on port ${env.embeddedPort} (${Math.round(performance.now() - started)} ms)`);
  } else {
    await checkReachable(env.databaseUrl!);
  }
  const sql = getSql();
  await runMigrations(sql);
  const recovered = await recoverAbandonedRuns(sql, env.targetSchema);
  if (recovered.length > 0)
    log(`Marked ${recovered.length} unfinished run(s) as interrupted and removed their shadow tables`);
  let demoLoadMs: number | undefined;
  if (env.mode === "embedded" && !(await isDemoLoaded(sql))) {
    log("Loading the demo warehouse (customers, products, orders, order_items, payments)…");
    demoLoadMs = (await loadDemoWarehouse(sql)).ms;
    log(`Demo warehouse loaded (${demoLoadMs} ms)`);
  }
  // After the demo load, so its tables are covered by the readers' grants from the start.
  const roles = await setUpRoles(sql, resolveDatabaseUrl(), env);
  if (roles.warning) log(`Warning: ${roles.warning}`);
  return { mode: env.mode, startedEmbedded, demoLoadMs };
}
