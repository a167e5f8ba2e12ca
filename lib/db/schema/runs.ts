import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { datamorph, timestamps } from "./common";
import { pipelineVersions, pipelines } from "./pipelines";
import { users } from "./users";

export const runStatus = datamorph.enum("run_status", [
  "queued",
  "running",
  "succeeded",
  "failed",
  "rejected",
  "interrupted",
  // Paused after planning: a question waits for an answer, or the plan waits for a person's review.
  "needs_input",
  "in_review",
]);

export const runs = datamorph.table(
  "runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    prompt: text("prompt").notNull(),
    status: runStatus("status").notNull().default("queued"),
    targetSchema: text("target_schema"),
    targetTable: text("target_table"),
    /** The build engine the run asked for (sql, glue, auto); null takes the deployment's. */
    engine: text("engine"),
    /** The user asked to replace the target if it exists (their own table, or anyone's for an admin). */
    replaceTarget: boolean("replace_target").notNull().default(false),
    rowCount: integer("row_count"),
    /** Whether the publish kept a replaced version as `<target>__previous` (what a rollback restores). */
    keptPrevious: boolean("kept_previous").notNull().default(false),
    /** Set once the run's publish was rolled back; a run is rolled back at most once. */
    rolledBackAt: timestamp("rolled_back_at", { withTimezone: true }),
    rolledBackBy: uuid("rolled_back_by").references(() => users.id),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** The pipeline and version this run carries out; null for a run from a prompt. */
    pipelineId: uuid("pipeline_id").references((): AnyPgColumn => pipelines.id, { onDelete: "set null" }),
    pipelineVersionId: uuid("pipeline_version_id").references((): AnyPgColumn => pipelineVersions.id, {
      onDelete: "set null",
    }),
    /** The parameter values of a pipeline run, defaults filled in. */
    parameters: jsonb("parameters"),
    /** What started a pipeline run: `manual`, `schedule` or `backfill`. */
    trigger: text("trigger"),
    /** Who asked for a pipeline run when it was not its owner (an administrator's "Run now"). */
    triggeredBy: uuid("triggered_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index("runs_user_created_idx").on(t.userId, t.createdAt),
    index("runs_status_idx").on(t.status),
    index("runs_pipeline_created_idx").on(t.pipelineId, t.createdAt),
    // One pipeline never has two runs in progress at once, whichever process starts them.
    uniqueIndex("runs_one_active_per_pipeline_key")
      .on(t.pipelineId)
      .where(sql`${t.pipelineId} is not null and ${t.status} in ('queued', 'running')`),
  ],
);

export const runEvents = datamorph.table(
  "run_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    agent: text("agent").notNull(),
    level: text("level").notNull(),
    message: text("message").notNull(),
    payload: jsonb("payload"),
    durationMs: integer("duration_ms"),
    ...timestamps,
  },
  (t) => [uniqueIndex("run_events_run_seq_key").on(t.runId, t.seq)],
);

export const artifacts = datamorph.table(
  "artifacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    uri: text("uri").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("artifacts_run_kind_key").on(t.runId, t.kind)],
);

export type Run = typeof runs.$inferSelect;
export type RunEvent = typeof runEvents.$inferSelect;
export type Artifact = typeof artifacts.$inferSelect;
