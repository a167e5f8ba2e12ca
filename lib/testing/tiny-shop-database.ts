import { afterAll, beforeAll } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import type { Catalog } from "@/lib/catalog/types";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { TINY_SHOP_SQL } from "./fixtures/tiny-shop";
import { createTestDatabase, testServers } from "./test-database";

/**
 * The tiny shop (see fixtures/tiny-shop.ts) in a database of the file's own, with its catalog;
 * dropped after the file. Read `sql` and `catalog` inside tests: they are set before the first.
 */
export function useTinyShopDatabase(): { sql: SqlClient; catalog: Catalog } {
  const shop = {} as { sql: SqlClient; catalog: Catalog };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase(testServers()[0]);
    drop = database.drop;
    shop.sql = createSqlClient(database.url, "test");
    await shop.sql.unsafe(TINY_SHOP_SQL);
    shop.catalog = await readCatalog(shop.sql, ["public"]);
  });
  afterAll(async () => {
    await shop.sql?.end();
    await drop?.();
  });
  return shop;
}
