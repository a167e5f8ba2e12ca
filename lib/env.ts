import path from "node:path";
import { z } from "zod";

/** Raised when the configuration is unusable; the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

const postgresUrlSchema = z
  .string()
  .refine((value) => {
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
  DATAMORPH_SOURCE_SCHEMAS: optional(
    z.string().regex(/^[a-z_][a-z0-9_$]*(,[a-z_][a-z0-9_$]*)*$/, "must be a comma-separated list of schema names, e.g. public,staging"),
  ),
  DATAMORPH_TARGET_SCHEMA: optional(z.string().regex(/^[a-z_][a-z0-9_$]*$/, "must be a schema name, e.g. public")),
  DATAMORPH_PLANNER: optional(z.enum(["rules", "bedrock", "auto"], { error: "must be rules, bedrock or auto" })),
  DATAMORPH_BEDROCK_MODEL_ID: optional(z.string().min(3).max(200)),
  DATAMORPH_ORCHESTRATOR_FUNCTION: optional(
    z
      .string()
      .regex(
        /^(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:)?[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/,
        "must be a Lambda function name or ARN, e.g. datamorph-Orchestrator",
      ),
  ),
});

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
  /** Schemas whose tables the planner may read. */
  sourceSchemas: string[];
  /** Schema the pipeline publishes its tables into. */
  targetSchema: string;
  /** Lambda function (name or ARN) that runs the pipeline; unset, runs start in this process. */
  orchestratorFunction?: string;
  /** Which planner reads requests: rules (offline, default), bedrock, or auto (rules first). */
  planner: "rules" | "bedrock" | "auto";
  bedrockModelId?: string;
  /** `embedded` runs its own Postgres under the data folder; `server` uses DATABASE_URL. */
  mode: "embedded" | "server";
};

/** Parses a set of variables; exported for tests, the app uses `env`. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const vars = parsed.data;
  if (vars.DATAMORPH_PLANNER && vars.DATAMORPH_PLANNER !== "rules" && !vars.DATAMORPH_BEDROCK_MODEL_ID) {
    throw new ConfigError(`Invalid configuration:\n  DATAMORPH_BEDROCK_MODEL_ID: is required when DATAMORPH_PLANNER is ${vars.DATAMORPH_PLANNER}`);
  }
  return {
    nodeEnv: vars.NODE_ENV,
    databaseUrl: vars.DATABASE_URL,
    authSecret: vars.AUTH_SECRET,
    accessCode: vars.DATAMORPH_ACCESS_CODE,
    // The data folder is chosen at run time, not part of the build.
    dataDir: path.resolve(/*turbopackIgnore: true*/ vars.DATAMORPH_DATA_DIR ?? ".data"),
    embeddedPort: vars.DATAMORPH_PG_PORT ?? 54329,
    port: vars.PORT ?? 3000,
    sourceSchemas: (vars.DATAMORPH_SOURCE_SCHEMAS ?? "public").split(","),
    targetSchema: vars.DATAMORPH_TARGET_SCHEMA ?? "public",
    orchestratorFunction: vars.DATAMORPH_ORCHESTRATOR_FUNCTION,
    planner: vars.DATAMORPH_PLANNER ?? "rules",
    bedrockModelId: vars.DATAMORPH_BEDROCK_MODEL_ID,
    mode: vars.DATABASE_URL ? "server" : "embedded",
  };
}

let cached: Env | undefined;

/** The validated configuration of this process. Throws `ConfigError` naming the bad variable. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
