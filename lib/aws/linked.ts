import { Resource } from "sst";
import { z } from "zod";

/**
 * The resources the SST stack links to the web app and the orchestrator, as `Resource.<Name>`
 * exposes them. Only what each part is linked to is present, so every entry is optional.
 */
const linksSchema = z.object({
  Database: z
    .object({
      host: z.string(),
      port: z.coerce.number(),
      username: z.string(),
      password: z.string(),
      database: z.string(),
    })
    .optional(),
  Events: z.object({ name: z.string() }).optional(),
  Artifacts: z.object({ name: z.string() }).optional(),
  Orchestrator: z.object({ name: z.string() }).optional(),
  AuthSecret: z.object({ value: z.string() }).optional(),
  AccessCode: z.object({ value: z.string() }).optional(),
  Glue: z
    .object({
      roleArn: z.string(),
      connectionName: z.string(),
      tempDir: z.string().optional(),
      jobPrefix: z.string().optional(),
    })
    .optional(),
  Schedules: z.object({ group: z.string(), roleArn: z.string(), targetArn: z.string() }).optional(),
});

type Links = z.infer<typeof linksSchema>;

/** Links of this process, or nothing outside an SST deployment (the embedded and server modes). */
export function readSstLinks(): Record<string, unknown> | undefined {
  // `in` asks the SST proxy without throwing; reading a missing link would throw.
  if (!("App" in Resource)) return undefined;
  const resources = Resource as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(linksSchema.shape)
      .filter((name) => name in resources)
      .map((name) => [name, resources[name]]),
  );
}

/**
 * Turns links into the variables `lib/env.ts` reads, so a deployment is configured by what it
 * is linked to and one validation covers both. RDS requires TLS, hence `sslmode=require`.
 */
export function linkedVariables(raw: Record<string, unknown>): Record<string, string> {
  const links: Links = linksSchema.parse(raw);
  const variables: Record<string, string> = {};
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== "") variables[name] = value;
  };
  if (links.Database) {
    const { host, port, username, password, database } = links.Database;
    set(
      "DATABASE_URL",
      `postgres://${encodeURIComponent(username)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}?sslmode=require`,
    );
  }
  set("DATAMORPH_EVENTS_TABLE", links.Events?.name);
  set("DATAMORPH_ARTIFACTS_BUCKET", links.Artifacts?.name);
  set("DATAMORPH_ORCHESTRATOR_FUNCTION", links.Orchestrator?.name);
  set("AUTH_SECRET", links.AuthSecret?.value);
  set("DATAMORPH_ACCESS_CODE", links.AccessCode?.value);
  set("DATAMORPH_GLUE_ROLE_ARN", links.Glue?.roleArn);
  set("DATAMORPH_GLUE_CONNECTION", links.Glue?.connectionName);
  set("DATAMORPH_GLUE_TEMP_DIR", links.Glue?.tempDir);
  set("DATAMORPH_GLUE_JOB_PREFIX", links.Glue?.jobPrefix);
  set("DATAMORPH_SCHEDULE_GROUP", links.Schedules?.group);
  set("DATAMORPH_SCHEDULER_ROLE_ARN", links.Schedules?.roleArn);
  set("DATAMORPH_ORCHESTRATOR_ARN", links.Schedules?.targetArn);
  return variables;
}
