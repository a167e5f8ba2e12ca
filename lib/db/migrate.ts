import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDatabase, type SqlClient } from "./client";

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** Any constant works; it only has to be the same for every DataMorph process. */
const MIGRATION_LOCK = 7_126_031;

/**
 * Applies pending migrations to the `datamorph` schema. A session advisory lock serialises the web
 * app and the CLI when both start at once.
 */
export async function runMigrations(client: SqlClient): Promise<void> {
  const lock = await client.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(createDatabase(client), {
      migrationsFolder,
      migrationsSchema: "datamorph",
      migrationsTable: "__migrations",
    });
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    lock.release();
  }
}

/** How many migrations this database has applied. */
export async function countAppliedMigrations(client: SqlClient): Promise<number> {
  const [{ migrations }] = await client<
    { migrations: number }[]
  >`select count(*)::int as migrations from datamorph.__migrations`;
  return migrations;
}
