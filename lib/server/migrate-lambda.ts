import { closeDb, getSql } from "@/lib/db";
import { countAppliedMigrations } from "@/lib/db/migrate";
import { ConfigError, getEnv } from "@/lib/env";
import { prepareDatabase } from "./prepare";

export type MigrationResult = {
  /** Migrations recorded as applied once this invocation finished. */
  migrations: number;
  /** What preparing the database reported, e.g. runs marked interrupted. */
  messages: string[];
};

/**
 * The Migrator Lambda (AWS): on AWS no start-up script runs, so every deploy invokes this once,
 * before the web app and the orchestrator are updated, and a schedule invokes it every few
 * minutes. It does what `npm start` does for a user's own server: applies pending migrations and
 * marks runs whose process is gone as interrupted. With nothing pending or abandoned it changes
 * nothing. It never loads demo data.
 */
export async function handler(): Promise<MigrationResult> {
  const env = getEnv();
  // Without the Database link the environment falls back to the embedded cluster, which a Lambda cannot run.
  if (env.mode !== "server")
    throw new ConfigError("The migrator needs a database: link Database to it (or set DATABASE_URL).");
  const messages: string[] = [];
  try {
    await prepareDatabase(env, (line) => {
      console.log(`[datamorph] ${line}`);
      messages.push(line);
    });
    return { migrations: await countAppliedMigrations(getSql()), messages };
  } finally {
    // One invocation per deploy: a pool kept open would only hold RDS connections until Lambda freezes it.
    await closeDb();
  }
}
