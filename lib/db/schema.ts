import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

/** DataMorph's own tables live apart from the user's warehouse tables. */
export const datamorph = pgSchema("datamorph");

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const userRole = datamorph.enum("user_role", ["admin", "member"]);

export const users = datamorph.table(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("member"),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

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
    pipelineVersionId: uuid("pipeline_version_id").references((): AnyPgColumn => pipelineVersions.id, { onDelete: "set null" }),
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
    uniqueIndex("runs_one_active_per_pipeline_key").on(t.pipelineId).where(sql`${t.pipelineId} is not null and ${t.status} in ('queued', 'running')`),
  ],
);

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

/**
 * A signed-in browser. The session cookie names its row, so signing out (or revoking every
 * session of a user) ends it on the server even if a copy of the cookie survives.
 */
export const sessions = datamorph.table(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * One counted attempt (a wrong password, a wrong access code, an account created) against a
 * rate-limit bucket such as "sign-in:account:ada@example.com". Kept in Postgres so limits hold
 * across processes, Lambda instances and restarts; rows older than a day are deleted as new
 * ones arrive.
 */
export const rateLimitHits = datamorph.table(
  "rate_limit_hits",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    bucket: text("bucket").notNull(),
    ...timestamps,
  },
  (t) => [index("rate_limit_hits_bucket_created_idx").on(t.bucket, t.createdAt), index("rate_limit_hits_created_idx").on(t.createdAt)],
);

/** Facts about the installation itself, such as when the demo warehouse was loaded. */
export const settings = datamorph.table("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  ...timestamps,
});

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
  (t) => [uniqueIndex("knowledge_warehouse_kind_phrase_author_key").on(t.warehouse, t.kind, sql`lower(${t.phrase})`, t.createdBy)],
);

export type User = typeof users.$inferSelect;
export type Run = typeof runs.$inferSelect;
export type RunEvent = typeof runEvents.$inferSelect;
export type Artifact = typeof artifacts.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Upload = typeof uploads.$inferSelect;
export type SemanticModelVersion = typeof semanticModels.$inferSelect;
export type Knowledge = typeof knowledge.$inferSelect;
export type Pipeline = typeof pipelines.$inferSelect;
export type PipelineVersion = typeof pipelineVersions.$inferSelect;
export type PipelineFiring = typeof pipelineFirings.$inferSelect;
