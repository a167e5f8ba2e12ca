import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { getSetting, putSetting } from "@/lib/db/queries/settings";

const warehouseSql = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "warehouse.sql");
const DEMO_KEY = "demo_warehouse_loaded_at";

export const demoTables = ["customers", "products", "orders", "order_items", "payments"] as const;

/** Whether the demo warehouse was loaded into this database before (even if since dropped). */
export async function isDemoLoaded(client: SqlClient): Promise<boolean> {
  return (await getSetting({ sql: client, key: DEMO_KEY })) !== null;
}

/**
 * Loads the demo shop into `schema` in one transaction: all five tables or none.
 * Refuses when any of its tables already exists there, so user tables are never touched.
 */
export async function loadDemoWarehouse(client: SqlClient, schema = "public"): Promise<{ ms: number }> {
  const started = performance.now();
  const ddl = await readFile(warehouseSql, "utf8");
  await client.begin(async (tx) => {
    const existing = await tx`
      select table_name from information_schema.tables
      where table_schema = ${schema} and table_name in ${tx(demoTables)} order by table_name`;
    if (existing.length > 0) {
      const names = existing.map((row) => row.table_name).join(", ");
      throw new Error(`Schema "${schema}" already has ${names}; the demo warehouse was not loaded.`);
    }
    await tx.unsafe(`create schema if not exists ${quoteIdent(schema)}`);
    await tx.unsafe(`set local search_path to ${quoteIdent(schema)}`);
    await tx.unsafe(ddl);
    await putSetting({ sql: tx, key: DEMO_KEY, value: { at: new Date().toISOString(), schema } });
  });
  return { ms: Math.round(performance.now() - started) };
}
