import type { GlueClient } from "@aws-sdk/client-glue";

/** How the Glue engine creates, runs and watches its jobs. */
export type GlueEngineSettings = {
  /** Default: the process's client from the AWS environment. */
  client?: GlueClient;
  /** The IAM role the job runs as: reads the script from S3, uses the connection, writes logs. */
  roleArn: string;
  /** The Glue JDBC connection to the warehouse database: its network path and its credentials. */
  connectionName: string;
  /** Default "5.0". */
  glueVersion?: "4.0" | "5.0";
  /** Default "G.1X". */
  workerType?: string;
  /** Default 2, the fewest Glue allows for G workers. */
  numberOfWorkers?: number;
  /** Prepended to every job name; default "datamorph-". */
  jobNamePrefix?: string;
  /** Glue ends a job run after this long and reports TIMEOUT; default 30. */
  timeoutMinutes?: number;
  /** The longest a build may take as the pipeline sees it, after which the job run is stopped; default the Glue timeout plus two minutes. */
  deadlineMs?: number;
  /** Job run polling starts at `initial` and doubles up to `max`; default 5 s to 30 s. */
  pollMs?: { initial: number; max: number };
  /** An s3:// folder Glue may use for temporary files (`--TempDir`). */
  tempDir?: string;
};

/** The settings with every default filled in, checked once when the engine is made. */
export type ResolvedGlueSettings = Required<Omit<GlueEngineSettings, "client" | "tempDir">> & { tempDir?: string };

const WORKERS_MIN = 2;

/** Fills in the defaults and throws one error naming everything Glue would refuse. */
export function resolveGlueSettings(settings: GlueEngineSettings): ResolvedGlueSettings {
  const timeoutMinutes = settings.timeoutMinutes ?? 30;
  const resolved: ResolvedGlueSettings = {
    roleArn: settings.roleArn,
    connectionName: settings.connectionName,
    glueVersion: settings.glueVersion ?? "5.0",
    workerType: settings.workerType ?? "G.1X",
    numberOfWorkers: settings.numberOfWorkers ?? WORKERS_MIN,
    jobNamePrefix: settings.jobNamePrefix ?? "datamorph-",
    timeoutMinutes,
    deadlineMs: settings.deadlineMs ?? (timeoutMinutes + 2) * 60_000,
    pollMs: settings.pollMs ?? { initial: 5_000, max: 30_000 },
    tempDir: settings.tempDir,
  };
  const problems = [
    !resolved.roleArn && "a job role ARN",
    !resolved.connectionName && "a Glue connection name",
    !(resolved.glueVersion === "4.0" || resolved.glueVersion === "5.0") &&
      `Glue version 4.0 or 5.0, not ${resolved.glueVersion}`,
    !(Number.isInteger(resolved.numberOfWorkers) && resolved.numberOfWorkers >= WORKERS_MIN) &&
      `at least ${WORKERS_MIN} workers`,
    !(Number.isInteger(timeoutMinutes) && timeoutMinutes >= 1) && "a timeout of at least one whole minute",
    !(resolved.deadlineMs > 0) && "a positive deadline",
    !(resolved.pollMs.initial > 0 && resolved.pollMs.max >= resolved.pollMs.initial) &&
      "poll intervals with 0 < initial <= max",
    resolved.tempDir !== undefined && !resolved.tempDir.startsWith("s3://") && "an s3:// temporary folder",
  ].filter((p): p is string => typeof p === "string");
  if (problems.length > 0) throw new Error(`The Glue engine needs ${problems.join(", ")}.`);
  return resolved;
}
