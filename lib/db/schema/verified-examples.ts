import { sql } from "drizzle-orm";
import { boolean, integer, jsonb, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { datamorph, timestamps } from "./common";
import { runs } from "./runs";
import { users } from "./users";

/**
 * A request whose table a person checked and marked right: its prompt and the spec that built
 * it. A later request in the same warehouse that says the same up to its values is planned from
 * this spec with the new values. Like knowledge, an administrator's example applies to everyone,
 * a member's to their own requests until an administrator approves it.
 */
export const verifiedExamples = datamorph.table(
  "verified_examples",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    warehouse: text("warehouse").notNull(),
    prompt: text("prompt").notNull(),
    spec: jsonb("spec").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    runId: uuid("run_id").references(() => runs.id, { onDelete: "set null" }),
    approved: boolean("approved").notNull().default(false),
    useCount: integer("use_count").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("verified_examples_warehouse_prompt_author_key").on(t.warehouse, sql`lower(${t.prompt})`, t.createdBy),
  ],
);

export type VerifiedExample = typeof verifiedExamples.$inferSelect;
