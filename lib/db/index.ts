import { readFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createDatabase, createSqlClient, type Database, type SqlClient } from "./client";
import { embeddedUrl, type EmbeddedState } from "./embedded";
import { createLivenessClient } from "./liveness-client";
import { openRoleClients, type RoleClients } from "./role-clients";

/**
 * The database this process talks to: `DATABASE_URL` when set, otherwise the embedded cluster
 * that `npm start` or the CLI started under the data folder.
 */
export function resolveDatabaseUrl(): string {
  const env = getEnv();
  if (env.databaseUrl) return env.databaseUrl;
  try {
    const state = JSON.parse(
      readFileSync(path.join(/*turbopackIgnore: true*/ env.dataDir, "embedded.json"), "utf8"),
    ) as EmbeddedState;
    return embeddedUrl(state);
  } catch {
    throw new AppError("unavailable", "The embedded database has not been started. Start DataMorph with `npm start`.");
  }
}

// A Lambda instance serves one request at a time, and hundreds of instances share one RDS server.
const LAMBDA_POOL_SIZE = 3;

// One pool per process, kept on globalThis so hot reloads in development do not open new pools.
const cache = globalThis as unknown as {
  datamorphSql?: SqlClient;
  datamorphDb?: Database;
  datamorphRoles?: Promise<RoleClients>;
  datamorphLiveness?: SqlClient;
};

/** The shared postgres.js client (raw SQL, LISTEN/NOTIFY). */
export function getSql(): SqlClient {
  cache.datamorphSql ??= createSqlClient(
    resolveDatabaseUrl(),
    "datamorph",
    getEnv().onLambda ? LAMBDA_POOL_SIZE : undefined,
  );
  return cache.datamorphSql;
}

/** The shared drizzle database. */
export function getDb(): Database {
  cache.datamorphDb ??= createDatabase(getSql());
  return cache.datamorphDb;
}

/** The one connection that holds the liveness locks of this process's runs. */
export function getLivenessClient(): SqlClient {
  cache.datamorphLiveness ??= createLivenessClient(resolveDatabaseUrl());
  return cache.datamorphLiveness;
}

// Catalog reads and profiles are short; each running run builds over one builder connection at a
// time. A Lambda instance runs one request or one run, so it keeps one of each.
const rolePoolSizes = () =>
  getEnv().onLambda ? { reader: 1, builder: 1 } : { reader: 4, builder: getEnv().runConcurrency + 1 };

/**
 * Pools of the reader (catalog reads, profiling) and builder (runs) logins, and the URL the
 * console opens its own reader connections from.
 */
export function getRoleClients(): Promise<RoleClients> {
  cache.datamorphRoles ??= openRoleClients(getSql(), resolveDatabaseUrl(), rolePoolSizes()).catch((error: unknown) => {
    cache.datamorphRoles = undefined; // set up later (datamorph db roles): try again next time
    throw error;
  });
  return cache.datamorphRoles;
}

/** Closes the shared pools (CLI exit, tests). */
export async function closeDb(): Promise<void> {
  const sql = cache.datamorphSql;
  const roles = cache.datamorphRoles;
  const liveness = cache.datamorphLiveness;
  cache.datamorphLiveness = undefined;
  cache.datamorphSql = undefined;
  cache.datamorphDb = undefined;
  cache.datamorphRoles = undefined;
  const roleClients = await roles?.catch(() => undefined);
  await Promise.all([
    sql?.end({ timeout: 5 }),
    roleClients?.reader.end({ timeout: 5 }),
    roleClients?.builder.end({ timeout: 5 }),
    liveness?.end({ timeout: 5 }),
  ]);
}
