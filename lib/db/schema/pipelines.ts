import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { datamorph, timestamps } from "./common";
import { runs } from "./runs";
import { users } from "./users";

/**
 * A saved, named table definition that can be run again: its versions hold the spec (with
 * `{{parameter}}` placeholders), target and engine. `currentVersion` is the one runs use.
 */
export const pipelines = datamorph.table(
  "pipelines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    currentVersion: integer("current_version").notNull().default(1),
    /** Cron expression (5 fields, or 6 with seconds) of the schedule; null when not scheduled. */
    cron: text("cron"),
    /** IANA time zone the cron expression is read in. */
    timezone: text("timezone").notNull().default("UTC"),
    paused: boolean("paused").notNull().default(false),
    /** After downtime: `run_once` runs the missed firings once on start; `skip` skips them. */
    catchUp: text("catch_up").notNull().default("run_once"),
    /** When the schedule fires next; moved on by whichever scheduler fires it. */
    nextFireAt: timestamp("next_fire_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("pipelines_name_key").on(sql`lower(${t.name})`),
    index("pipelines_user_idx").on(t.userId),
    index("pipelines_due_idx").on(t.nextFireAt).where(sql`${t.cron} is not null and not ${t.paused}`),
  ],
);

/**
 * Each time a schedule fired: what it did (started a run, or skipped because a run was still in
 * progress or the firing was missed). One row per pipeline and moment, so a firing happens once
 * whichever process gets there.
 */
export const pipelineFirings = datamorph.table(
  "pipeline_firings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    pipelineId: uuid("pipeline_id")
      .notNull()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }).notNull(),
    /** `schedule` on time, or `catch_up` for firings missed while no scheduler ran. */
    kind: text("kind").notNull(),
    /** `pending`, `started`, `skipped_running`, `skipped_missed` or `failed`. */
    outcome: text("outcome").notNull().default("pending"),
    runId: uuid("run_id").references(() => runs.id, { onDelete: "set null" }),
    message: text("message"),
    /** The scheduler (process) that fired it. */
    firedBy: text("fired_by").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("pipeline_firings_pipeline_moment_key").on(t.pipelineId, t.scheduledFor)],
);

/** Which scheduler process may fire schedules now, until when; renewed while it lives. */
export const schedulerLeases = datamorph.table("scheduler_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  ...timestamps,
});

/** One version of a pipeline; a new one is added on every edit, and none is ever changed. */
export const pipelineVersions = datamorph.table(
  "pipeline_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pipelineId: uuid("pipeline_id")
      .notNull()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** The spec, with `{{name}}` where a parameter's value goes. */
    spec: jsonb("spec").notNull(),
    /** `[{ name, type, default }]`. */
    parameters: jsonb("parameters").notNull(),
    /** The target table name; it may hold `{{name}}` too. */
    targetTable: text("target_table").notNull(),
    engine: text("engine"),
    /** The source tables' columns and types when the version was saved, to tell when they drift. */
    sourceShape: jsonb("source_shape").notNull(),
    /** The run it was saved from, if any. */
    fromRunId: uuid("from_run_id").references(() => runs.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    ...timestamps,
  },
  (t) => [uniqueIndex("pipeline_versions_pipeline_version_key").on(t.pipelineId, t.version)],
);

export type Pipeline = typeof pipelines.$inferSelect;
export type PipelineVersion = typeof pipelineVersions.$inferSelect;
export type PipelineFiring = typeof pipelineFirings.$inferSelect;
