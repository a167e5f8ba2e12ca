import { readFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createDatabase, createSqlClient, type Database, type SqlClient } from "./client";
import { embeddedUrl, type EmbeddedState } from "./embedded";

/**
 * The database this process talks to: `DATABASE_URL` when set, otherwise the embedded cluster
 * that `npm start` or the CLI started under the data folder.
 */
export function resolveDatabaseUrl(): string {
  const env = getEnv();
  if (env.databaseUrl) return env.databaseUrl;
  try {
    const state = JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ env.dataDir, "embedded.json"), "utf8")) as EmbeddedState;
    return embeddedUrl(state);
  } catch {
    throw new AppError("unavailable", "The embedded database has not been started. Start DataMorph with `npm start`.");
  }
}

// A Lambda instance serves one request at a time, and hundreds of instances share one RDS server.
const LAMBDA_POOL_SIZE = 3;

// One pool per process, kept on globalThis so hot reloads in development do not open new pools.
const cache = globalThis as unknown as { datamorphSql?: SqlClient; datamorphDb?: Database };

/** The shared postgres.js client (raw SQL, LISTEN/NOTIFY). */
export function getSql(): SqlClient {
  cache.datamorphSql ??= createSqlClient(resolveDatabaseUrl(), "datamorph", process.env.AWS_LAMBDA_FUNCTION_NAME ? LAMBDA_POOL_SIZE : undefined);
  return cache.datamorphSql;
}

/** The shared drizzle database. */
export function getDb(): Database {
  cache.datamorphDb ??= createDatabase(getSql());
  return cache.datamorphDb;
}

/** Closes the shared pool (CLI exit, tests). */
export async function closeDb(): Promise<void> {
  const sql = cache.datamorphSql;
  cache.datamorphSql = undefined;
  cache.datamorphDb = undefined;
  await sql?.end({ timeout: 5 });
}
