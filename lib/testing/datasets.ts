import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { importPath, type ImportResult } from "@/lib/import";

/** The public sample datasets kept next to the repository (see their README). */
export type DatasetName = "jaffle_shop" | "northwind" | "chinook";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Where the datasets live: DATAMORPH_DATASETS_DIR, else `../shared/datasets` beside the
 * repository, else the workplace's shared folder (for clones made elsewhere on the machine).
 */
const datasetRoots = [
  process.env.DATAMORPH_DATASETS_DIR,
  path.resolve(repoRoot, "../shared/datasets"),
  "/work/shared/datasets",
].filter((dir): dir is string => Boolean(dir));

/** The folder of one sample dataset: one CSV per table, and its `schema.sql`. */
export function datasetDir(name: DatasetName | "classicmodels"): string {
  const dir = datasetRoots.map((root) => path.join(root, name)).find((candidate) => existsSync(candidate));
  if (!dir)
    throw new Error(
      `Sample dataset "${name}" not found in ${datasetRoots.join(", ")}; set DATAMORPH_DATASETS_DIR to the folder holding jaffle_shop, northwind, chinook and classicmodels.`,
    );
  return dir;
}

/** `[column, referenced table, referenced column]` */
type ForeignKey = [string, string, string];
type TableKeys = { primaryKey: string[]; foreignKeys?: ForeignKey[] };

// The keys the datasets' README lists. Written out here rather than taken from schema.sql,
// which is never executed.
const keys: Record<DatasetName, Record<string, TableKeys>> = {
  jaffle_shop: {
    raw_customers: { primaryKey: ["id"] },
    raw_orders: { primaryKey: ["id"], foreignKeys: [["user_id", "raw_customers", "id"]] },
    raw_payments: { primaryKey: ["id"], foreignKeys: [["order_id", "raw_orders", "id"]] },
  },
  northwind: {
    categories: { primaryKey: ["category_id"] },
    customer_demographics: { primaryKey: ["customer_type_id"] },
    customers: { primaryKey: ["customer_id"] },
    customer_customer_demo: {
      primaryKey: ["customer_id", "customer_type_id"],
      foreignKeys: [
        ["customer_type_id", "customer_demographics", "customer_type_id"],
        ["customer_id", "customers", "customer_id"],
      ],
    },
    region: { primaryKey: ["region_id"] },
    territories: { primaryKey: ["territory_id"], foreignKeys: [["region_id", "region", "region_id"]] },
    employees: { primaryKey: ["employee_id"], foreignKeys: [["reports_to", "employees", "employee_id"]] },
    employee_territories: {
      primaryKey: ["employee_id", "territory_id"],
      foreignKeys: [
        ["employee_id", "employees", "employee_id"],
        ["territory_id", "territories", "territory_id"],
      ],
    },
    shippers: { primaryKey: ["shipper_id"] },
    suppliers: { primaryKey: ["supplier_id"] },
    products: {
      primaryKey: ["product_id"],
      foreignKeys: [
        ["category_id", "categories", "category_id"],
        ["supplier_id", "suppliers", "supplier_id"],
      ],
    },
    orders: {
      primaryKey: ["order_id"],
      foreignKeys: [
        ["customer_id", "customers", "customer_id"],
        ["employee_id", "employees", "employee_id"],
        ["ship_via", "shippers", "shipper_id"],
      ],
    },
    order_details: {
      primaryKey: ["order_id", "product_id"],
      foreignKeys: [
        ["order_id", "orders", "order_id"],
        ["product_id", "products", "product_id"],
      ],
    },
    us_states: { primaryKey: ["state_id"] },
  },
  chinook: {
    artist: { primaryKey: ["artist_id"] },
    album: { primaryKey: ["album_id"], foreignKeys: [["artist_id", "artist", "artist_id"]] },
    employee: { primaryKey: ["employee_id"], foreignKeys: [["reports_to", "employee", "employee_id"]] },
    customer: { primaryKey: ["customer_id"], foreignKeys: [["support_rep_id", "employee", "employee_id"]] },
    genre: { primaryKey: ["genre_id"] },
    media_type: { primaryKey: ["media_type_id"] },
    track: {
      primaryKey: ["track_id"],
      foreignKeys: [
        ["album_id", "album", "album_id"],
        ["genre_id", "genre", "genre_id"],
        ["media_type_id", "media_type", "media_type_id"],
      ],
    },
    invoice: { primaryKey: ["invoice_id"], foreignKeys: [["customer_id", "customer", "customer_id"]] },
    invoice_line: {
      primaryKey: ["invoice_line_id"],
      foreignKeys: [
        ["invoice_id", "invoice", "invoice_id"],
        ["track_id", "track", "track_id"],
      ],
    },
    playlist: { primaryKey: ["playlist_id"] },
    playlist_track: {
      primaryKey: ["playlist_id", "track_id"],
      foreignKeys: [
        ["playlist_id", "playlist", "playlist_id"],
        ["track_id", "track", "track_id"],
      ],
    },
  },
};

/**
 * Imports a sample dataset into `schema` (created when missing) with the CSV importer, then
 * declares its primary and foreign keys so the planner can find join paths.
 */
export async function importDataset(sql: SqlClient, name: DatasetName, schema: string): Promise<ImportResult[]> {
  const results = await importPath({ sql, path: datasetDir(name), schema });
  const table = (t: string) => `${quoteIdent(schema)}.${quoteIdent(t)}`;
  const list = (columns: string[]) => columns.map(quoteIdent).join(", ");
  await sql.begin(async (tx) => {
    // Primary keys first: a foreign key needs the key it references.
    for (const [t, { primaryKey }] of Object.entries(keys[name]))
      await tx.unsafe(`alter table ${table(t)} add primary key (${list(primaryKey)})`);
    for (const [t, { foreignKeys = [] }] of Object.entries(keys[name])) {
      for (const [column, refTable, refColumn] of foreignKeys) {
        await tx.unsafe(
          `alter table ${table(t)} add foreign key (${quoteIdent(column)}) references ${table(refTable)} (${quoteIdent(refColumn)})`,
        );
      }
    }
  });
  return results;
}
