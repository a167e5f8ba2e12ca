import { sql } from "drizzle-orm";
import { boolean, integer, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { datamorph, timestamps } from "./common";
import { runs } from "./runs";
import { users } from "./users";

/**
 * What a person confirmed a request's words mean in one warehouse: an answer to a question
 * ("revenue" → orders.amount, "custmer" → customer), kept with who, when and from which run.
 * An administrator's entry applies to everyone; a member's to their own requests until an
 * administrator approves it.
 */
export const knowledge = datamorph.table(
  "knowledge",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    warehouse: text("warehouse").notNull(),
    /** `reading` (which reading words have) or `spelling` (which word a misspelling stands for). */
    kind: text("kind").notNull(),
    phrase: text("phrase").notNull(),
    /** The chosen choice's label: a column ("orders.amount"), a filter, a table, or a word. */
    meaning: text("meaning").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    runId: uuid("run_id").references(() => runs.id, { onDelete: "set null" }),
    approved: boolean("approved").notNull().default(false),
    useCount: integer("use_count").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("knowledge_warehouse_kind_phrase_author_key").on(
      t.warehouse,
      t.kind,
      sql`lower(${t.phrase})`,
      t.createdBy,
    ),
  ],
);

export type Knowledge = typeof knowledge.$inferSelect;
