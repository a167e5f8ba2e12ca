import { afterAll } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { loadDemoWarehouse } from "@/lib/demo/load";
import { createTestDatabase, testServers } from "./test-database";

/**
 * For evaluation tests: returns `prepare(name)`, which makes a fresh, migrated and analyzed
 * database holding the named warehouse (the demo shop by its own loader, any other by
 * `loadDataset`) and returns its URL. The file's databases are dropped after its tests.
 */
export function useWarehouseDatabases(
  loadDataset: (sql: SqlClient, name: string) => Promise<unknown>,
): (name: string) => Promise<string> {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(drops.map((drop) => drop()));
  });
  return async (name) => {
    const database = await createTestDatabase(testServers()[0]);
    drops.push(database.drop);
    const sql = createSqlClient(database.url, "test", 2);
    try {
      await runMigrations(sql);
      if (name === "demo") await loadDemoWarehouse(sql);
      else await loadDataset(sql, name);
      // Planner statistics are what autovacuum would have gathered by the time anyone asks.
      await sql`analyze`;
    } finally {
      await sql.end();
    }
    return database.url;
  };
}
