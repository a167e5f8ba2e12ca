import path from "node:path";
import { z } from "zod";
import { linkedVariables, readSstLinks } from "./aws/linked";

/**
 * What a run may ask to build with (`DATAMORPH_ENGINE`, and per run): `auto` picks Glue when the
 * sources are large. Defined here, not with the engines, so that reading the configuration
 * loads nothing of the domain.
 */
export const ENGINE_REQUESTS = ["sql", "glue", "auto"] as const;

export type EngineRequest = (typeof ENGINE_REQUESTS)[number];

/** Raised when the configuration is unusable; the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

const postgresUrlSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "must be a URL like postgres://user:password@host:5432/database");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional(postgresUrlSchema),
  AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)")),
  DATAMORPH_ACCESS_CODE: optional(z.string().min(6, "must be at least 6 characters")),
  DATAMORPH_DATA_DIR: optional(z.string()),
  DATAMORPH_PG_PORT: optional(z.coerce.number().int().min(1024).max(65535)),
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
  HOST: optional(
    z.string().regex(/^[A-Za-z0-9.:-]+$/, "must be a host name or address to listen on, e.g. 127.0.0.1 or 0.0.0.0"),
  ),
  DATAMORPH_RUN_CONCURRENCY: optional(
    z.coerce.number().int().min(1, "must be at least 1").max(64, "must be at most 64"),
  ),
  DATAMORPH_SOURCE_SCHEMAS: optional(
    z
      .string()
      .regex(
        /^[a-z_][a-z0-9_$]*(,[a-z_][a-z0-9_$]*)*$/,
        "must be a comma-separated list of schema names, e.g. public,staging",
      ),
  ),
  DATAMORPH_TARGET_SCHEMA: optional(z.string().regex(/^[a-z_][a-z0-9_$]*$/, "must be a schema name, e.g. public")),
  DATAMORPH_PLANNER: optional(z.enum(["reading", "bedrock", "auto"], { error: "must be reading, bedrock or auto" })),
  DATAMORPH_BEDROCK_MODEL_ID: optional(z.string().min(3).max(200)),
  DATAMORPH_BEDROCK_TEMPERATURE: optional(
    z.coerce.number().min(0, "must be from 0 to 1").max(1, "must be from 0 to 1"),
  ),
  DATAMORPH_BEDROCK_MAX_TOKENS: optional(
    z.coerce.number().int().min(256, "must be at least 256").max(64_000, "must be at most 64000"),
  ),
  DATAMORPH_ORCHESTRATOR_FUNCTION: optional(
    z
      .string()
      .regex(
        /^(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:)?[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/,
        "must be a Lambda function name or ARN, e.g. datamorph-Orchestrator",
      ),
  ),
  DATAMORPH_EVENTS_TABLE: optional(z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, "must be a DynamoDB table name")),
  DATAMORPH_ARTIFACTS_BUCKET: optional(
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name"),
  ),
  DATAMORPH_ENGINE: optional(z.enum(ENGINE_REQUESTS, { error: "must be sql, glue or auto" })),
  DATAMORPH_GLUE_MIN_SOURCE_ROWS: optional(z.coerce.number().int().min(0)),
  DATAMORPH_GLUE_ROLE_ARN: optional(
    z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, "must be an IAM role ARN"),
  ),
  DATAMORPH_GLUE_CONNECTION: optional(z.string().min(1).max(255)),
  DATAMORPH_GLUE_TEMP_DIR: optional(z.string().regex(/^s3:\/\/.+/, "must be an s3:// URI")),
  DATAMORPH_GLUE_VERSION: optional(z.enum(["4.0", "5.0"], { error: "must be 4.0 or 5.0" })),
  DATAMORPH_GLUE_WORKER_TYPE: optional(z.string().regex(/^[A-Z]\.[0-9]+X$/, "must be a Glue worker type, e.g. G.1X")),
  DATAMORPH_GLUE_WORKERS: optional(z.coerce.number().int().min(2).max(299)),
  DATAMORPH_SCHEDULER: optional(z.enum(["on", "off"], { error: "must be on or off" })),
  DATAMORPH_SCHEDULE_GROUP: optional(
    z.string().regex(/^[0-9A-Za-z_.-]{1,64}$/, "must be an EventBridge Scheduler schedule group name"),
  ),
  DATAMORPH_SCHEDULER_ROLE_ARN: optional(
    z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, "must be an IAM role ARN"),
  ),
  DATAMORPH_ORCHESTRATOR_ARN: optional(
    z
      .string()
      .regex(
        /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/,
        "must be a Lambda function ARN",
      ),
  ),
  DATAMORPH_GLUE_JOB_PREFIX: optional(
    z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "must be letters, digits, - and _, e.g. datamorph-prod-"),
  ),
  /** Set by AWS Lambda in every function's environment. */
  AWS_LAMBDA_FUNCTION_NAME: optional(z.string()),
  /** An S3-compatible endpoint set by hand (a local server, MinIO); the AWS SDK reads it too. */
  AWS_ENDPOINT_URL_S3: optional(z.string()),
});

/** Where pipeline schedules live on AWS: one EventBridge Scheduler schedule per pipeline. */
export type ScheduleEnv = {
  /** The schedule group every pipeline's schedule is created in. */
  group: string;
  /** The role EventBridge Scheduler assumes to invoke the orchestrator. */
  roleArn: string;
  /** The orchestrator Lambda's ARN, the schedules' target. */
  targetArn: string;
};

/** Where the Glue engine runs its jobs; present when a Glue role and connection are configured. */
export type GlueEnv = {
  roleArn: string;
  connectionName: string;
  tempDir?: string;
  glueVersion: "4.0" | "5.0";
  workerType: string;
  numberOfWorkers: number;
  /** Prepended to the name of every Glue job; the deployment's IAM policy covers only these. */
  jobNamePrefix?: string;
};

export type Env = {
  nodeEnv: "development" | "production" | "test";
  /** Set when the user points DataMorph at their own Postgres server. */
  databaseUrl?: string;
  authSecret?: string;
  accessCode?: string;
  /** Absolute path of the local state folder (embedded cluster, secrets, artifacts). */
  dataDir: string;
  embeddedPort: number;
  port: number;
  /** Address the web server listens on (default 127.0.0.1: only this machine). */
  host: string;
  /** Runs one process builds at once; the rest wait as queued. */
  runConcurrency: number;
  /** Schemas whose tables the planner may read. */
  sourceSchemas: string[];
  /** Schema the pipeline publishes its tables into. */
  targetSchema: string;
  /** Lambda function (name or ARN) that runs the pipeline; unset, runs start in this process. */
  orchestratorFunction?: string;
  /** Which planner reads requests: rules (offline, default), reading (offline, asks when unsure), bedrock, or auto (rules first). */
  planner: "reading" | "bedrock" | "auto";
  bedrockModelId?: string;
  /** Sampling temperature of every model call (default 0.2: low, so plans repeat). */
  bedrockTemperature?: number;
  /** The most tokens one model answer may have (default 4000). */
  bedrockMaxTokens?: number;
  /** DynamoDB table of the run event log; unset, events live in Postgres. */
  eventsTable?: string;
  /** S3 bucket of run artifacts; unset, they live under the data folder. */
  artifactsBucket?: string;
  /** Which engine builds tables: sql (in Postgres, default), glue, or auto (Glue from `glueMinSourceRows`). */
  engine: EngineRequest;
  /** Source rows from which `auto` picks Glue (default: the engine's). */
  glueMinSourceRows?: number;
  glue?: GlueEnv;
  /** Whether the web app fires pipeline schedules in-process (default on; off on Lambda and with `schedules`). */
  scheduler: boolean;
  /** Set on AWS: each pipeline schedule is an EventBridge Scheduler schedule, kept in step as it changes. */
  schedules?: ScheduleEnv;
  /** `embedded` runs its own Postgres under the data folder; `server` uses DATABASE_URL. */
  mode: "embedded" | "server";
  /** This process is an AWS Lambda function: small pools, responses and builds bounded by its timeout. */
  onLambda: boolean;
  /** S3 is reached at an endpoint set by hand rather than AWS's own. */
  customS3Endpoint: boolean;
};

// Four runs at a time leave most of the owner pool's ten connections to pages and health.
const DEFAULT_RUN_CONCURRENCY = 4;

/** Parses a set of variables; exported for tests, the app uses `env`. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const vars = parsed.data;
  if ((vars.DATAMORPH_PLANNER === "bedrock" || vars.DATAMORPH_PLANNER === "auto") && !vars.DATAMORPH_BEDROCK_MODEL_ID) {
    throw new ConfigError(
      `Invalid configuration:\n  DATAMORPH_BEDROCK_MODEL_ID: is required when DATAMORPH_PLANNER is ${vars.DATAMORPH_PLANNER}`,
    );
  }
  const engine = vars.DATAMORPH_ENGINE ?? "sql";
  const glue: GlueEnv | undefined =
    vars.DATAMORPH_GLUE_ROLE_ARN && vars.DATAMORPH_GLUE_CONNECTION
      ? {
          roleArn: vars.DATAMORPH_GLUE_ROLE_ARN,
          connectionName: vars.DATAMORPH_GLUE_CONNECTION,
          tempDir: vars.DATAMORPH_GLUE_TEMP_DIR,
          glueVersion: vars.DATAMORPH_GLUE_VERSION ?? "5.0",
          workerType: vars.DATAMORPH_GLUE_WORKER_TYPE ?? "G.1X",
          numberOfWorkers: vars.DATAMORPH_GLUE_WORKERS ?? 2,
          jobNamePrefix: vars.DATAMORPH_GLUE_JOB_PREFIX,
        }
      : undefined;
  if (engine !== "sql") {
    // Glue reads its script from S3 and reaches the database through a Glue connection.
    const missing = [
      !glue && "DATAMORPH_GLUE_ROLE_ARN and DATAMORPH_GLUE_CONNECTION",
      !vars.DATAMORPH_ARTIFACTS_BUCKET && "DATAMORPH_ARTIFACTS_BUCKET",
    ].filter(Boolean);
    if (missing.length > 0)
      throw new ConfigError(`Invalid configuration:\n  DATAMORPH_ENGINE: ${engine} needs ${missing.join(" and ")}`);
  }
  const schedules = readSchedules(vars);
  return {
    nodeEnv: vars.NODE_ENV,
    databaseUrl: vars.DATABASE_URL,
    authSecret: vars.AUTH_SECRET,
    accessCode: vars.DATAMORPH_ACCESS_CODE,
    // The data folder is chosen at run time, not part of the build.
    dataDir: path.resolve(/*turbopackIgnore: true*/ vars.DATAMORPH_DATA_DIR ?? ".data"),
    embeddedPort: vars.DATAMORPH_PG_PORT ?? 54329,
    port: vars.PORT ?? 3000,
    host: vars.HOST ?? "127.0.0.1",
    runConcurrency: vars.DATAMORPH_RUN_CONCURRENCY ?? DEFAULT_RUN_CONCURRENCY,
    sourceSchemas: (vars.DATAMORPH_SOURCE_SCHEMAS ?? "public").split(","),
    targetSchema: vars.DATAMORPH_TARGET_SCHEMA ?? "public",
    orchestratorFunction: vars.DATAMORPH_ORCHESTRATOR_FUNCTION,
    planner: vars.DATAMORPH_PLANNER ?? "reading",
    bedrockModelId: vars.DATAMORPH_BEDROCK_MODEL_ID,
    bedrockTemperature: vars.DATAMORPH_BEDROCK_TEMPERATURE,
    bedrockMaxTokens: vars.DATAMORPH_BEDROCK_MAX_TOKENS,
    eventsTable: vars.DATAMORPH_EVENTS_TABLE,
    artifactsBucket: vars.DATAMORPH_ARTIFACTS_BUCKET,
    engine,
    glueMinSourceRows: vars.DATAMORPH_GLUE_MIN_SOURCE_ROWS,
    glue,
    scheduler: (vars.DATAMORPH_SCHEDULER ?? (vars.AWS_LAMBDA_FUNCTION_NAME || schedules ? "off" : "on")) === "on",
    schedules,
    mode: vars.DATABASE_URL ? "server" : "embedded",
    onLambda: Boolean(vars.AWS_LAMBDA_FUNCTION_NAME),
    customS3Endpoint: Boolean(vars.AWS_ENDPOINT_URL_S3),
  };
}

/**
 * EventBridge schedules need their group, the role that invokes, and the orchestrator's ARN (given
 * as DATAMORPH_ORCHESTRATOR_ARN, or as DATAMORPH_ORCHESTRATOR_FUNCTION when that is an ARN). With
 * them, EventBridge alone fires the schedules: an in-process scheduler as well is refused.
 */
function readSchedules(vars: z.infer<typeof envSchema>): ScheduleEnv | undefined {
  if (!vars.DATAMORPH_SCHEDULE_GROUP && !vars.DATAMORPH_SCHEDULER_ROLE_ARN) return undefined;
  const targetArn =
    vars.DATAMORPH_ORCHESTRATOR_ARN ??
    (vars.DATAMORPH_ORCHESTRATOR_FUNCTION?.startsWith("arn:") ? vars.DATAMORPH_ORCHESTRATOR_FUNCTION : undefined);
  const missing = [
    !vars.DATAMORPH_SCHEDULE_GROUP && "DATAMORPH_SCHEDULE_GROUP",
    !vars.DATAMORPH_SCHEDULER_ROLE_ARN && "DATAMORPH_SCHEDULER_ROLE_ARN",
    !targetArn && "DATAMORPH_ORCHESTRATOR_ARN",
  ].filter(Boolean);
  if (missing.length > 0)
    throw new ConfigError(`Invalid configuration:\n  EventBridge schedules also need ${missing.join(" and ")}`);
  if (vars.DATAMORPH_SCHEDULER === "on")
    throw new ConfigError(
      "Invalid configuration:\n  DATAMORPH_SCHEDULER: must be off when DATAMORPH_SCHEDULE_GROUP is set (EventBridge fires the schedules)",
    );
  return { group: vars.DATAMORPH_SCHEDULE_GROUP!, roleArn: vars.DATAMORPH_SCHEDULER_ROLE_ARN!, targetArn: targetArn! };
}

/** Whether runs here may build with Glue: it needs its role and connection, and scripts in S3. */
export function canBuildWithGlue(env: Env): boolean {
  return Boolean(env.glue && env.artifactsBucket);
}

let cached: Env | undefined;

/** The validated configuration of this process. Throws `ConfigError` naming the bad variable. */
export function getEnv(): Env {
  cached ??= parseEnv(processVariables());
  return cached;
}

/** SST links (on AWS) overlaid by the variables set by hand, which win so one setting can be changed without redeploying. */
function processVariables(): Record<string, string | undefined> {
  const setByHand = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""),
  );
  return { ...linkedVariables(readSstLinks() ?? {}), ...setByHand };
}

/** The environment a child process inherits: this process's own, with `overrides` on top. */
export function childEnvironment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
