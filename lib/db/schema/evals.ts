import { bigserial, index, integer, jsonb, text, uuid } from "drizzle-orm/pg-core";
import { datamorph, timestamps } from "./common";

/** One run of an evaluation corpus: which version of DataMorph, which planner, and the totals. */
export const evalRuns = datamorph.table("eval_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  version: text("version").notNull(),
  planner: text("planner").notNull(),
  files: jsonb("files").notNull(),
  totals: jsonb("totals").notNull(),
  ...timestamps,
});

/** The outcome of one case in an evaluation run. */
export const evalResults = datamorph.table(
  "eval_results",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    evalRunId: uuid("eval_run_id")
      .notNull()
      .references(() => evalRuns.id, { onDelete: "cascade" }),
    caseId: text("case_id").notNull(),
    prompt: text("prompt").notNull(),
    outcome: text("outcome").notNull(),
    expected: text("expected").notNull(),
    reason: text("reason"),
    runId: uuid("run_id"),
    ms: integer("ms").notNull(),
    ...timestamps,
  },
  (t) => [index("eval_results_case_idx").on(t.caseId, t.createdAt)],
);
