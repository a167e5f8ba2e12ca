import { jsonb, text } from "drizzle-orm/pg-core";
import { datamorph, timestamps } from "./common";

/** Facts about the installation itself, such as when the demo warehouse was loaded. */
export const settings = datamorph.table("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  ...timestamps,
});
