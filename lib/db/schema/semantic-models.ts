import { integer, jsonb, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { datamorph, timestamps } from "./common";
import { users } from "./users";

/**
 * Every version of a warehouse's semantic model (what its tables and columns mean in English),
 * newest last. `warehouse` names the source schemas the model covers; a new version is
 * generated when the hash of their catalog changes, or imported by a user from YAML.
 */
export const semanticModels = datamorph.table(
  "semantic_models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    warehouse: text("warehouse").notNull(),
    version: integer("version").notNull(),
    catalogHash: text("catalog_hash").notNull(),
    /** `generated` from the catalog, or `imported` from a YAML file. */
    source: text("source").notNull(),
    model: jsonb("model").notNull(),
    /** Who imported it; null for a generated version. */
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("semantic_models_warehouse_version_key").on(t.warehouse, t.version)],
);

export type SemanticModelVersion = typeof semanticModels.$inferSelect;
