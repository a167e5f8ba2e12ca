import { boolean, index, integer, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { datamorph, timestamps } from "./common";
import { users } from "./users";

/**
 * One CSV upload: who loaded which table. A table with no upload here is a source table, which
 * uploads never replace; the latest upload of a table says who may replace it.
 */
export const uploads = datamorph.table(
  "uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    schemaName: text("schema_name").notNull(),
    tableName: text("table_name").notNull(),
    fileName: text("file_name").notNull(),
    rowCount: integer("row_count").notNull(),
    /** Whether this upload replaced an earlier one, kept as `<table>__previous`. */
    keptPrevious: boolean("kept_previous").notNull().default(false),
    /** Set once the version this upload replaced was put back; an upload is undone at most once. */
    rolledBackAt: timestamp("rolled_back_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("uploads_table_idx").on(t.schemaName, t.tableName, t.createdAt)],
);

export type Upload = typeof uploads.$inferSelect;
