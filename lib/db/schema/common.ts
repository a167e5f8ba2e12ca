import { pgSchema, timestamp } from "drizzle-orm/pg-core";

/** DataMorph's own tables live apart from the user's warehouse tables. */
export const datamorph = pgSchema("datamorph");

/** When a row was created and last changed, kept by most app tables. */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};
