import {
  AlreadyExistsException,
  CreateJobCommand,
  EntityNotFoundException,
  GetJobCommand,
  UpdateJobCommand,
  type GlueClient,
  type JobUpdate,
  type WorkerType,
} from "@aws-sdk/client-glue";
import type { ResolvedGlueSettings } from "./glue-settings";

const JOB_NAME_MAX = 255;

/**
 * One Glue job per target table, not per run: the job list stays as long as the list of tables
 * it builds, each table's run history sits in one place in the console, and nothing has to be
 * deleted after a run. Each run names its own script (`--scriptLocation`), so two runs on the
 * same target never run each other's code.
 */
export function glueJobName(prefix: string, schema: string, target: string): string {
  return `${prefix}${schema}-${target}`.replace(/[^A-Za-z0-9_.-]+/g, "-").slice(0, JOB_NAME_MAX);
}

/** Runs on one target may overlap (a retry while a slow run still builds); each builds its own shadow. */
const MAX_CONCURRENT_RUNS = 4;

/** The whole job definition: UpdateJob replaces a job's definition, it does not merge into it. */
export function glueJobDefinition(settings: ResolvedGlueSettings, scriptLocation: string): JobUpdate {
  return {
    Description: "DataMorph: builds a shadow table from a compiled ETL spec",
    Role: settings.roleArn,
    Command: { Name: "glueetl", ScriptLocation: scriptLocation, PythonVersion: "3" },
    GlueVersion: settings.glueVersion,
    WorkerType: settings.workerType as WorkerType,
    NumberOfWorkers: settings.numberOfWorkers,
    Timeout: settings.timeoutMinutes,
    // The pipeline has its own repair rounds; a silent Glue retry would only delay the failure.
    MaxRetries: 0,
    ExecutionProperty: { MaxConcurrentRuns: MAX_CONCURRENT_RUNS },
    Connections: { Connections: [settings.connectionName] },
    DefaultArguments: {
      "--job-language": "python",
      // Every run rebuilds its whole table, so there is nothing for a bookmark to remember.
      "--job-bookmark-option": "job-bookmark-disable",
      // Driver and executor logs reach CloudWatch while the run goes, not only after it ends.
      "--enable-continuous-cloudwatch-log": "true",
      ...(settings.tempDir ? { "--TempDir": settings.tempDir } : {}),
    },
  };
}

async function jobExists(client: GlueClient, name: string): Promise<boolean> {
  try {
    await client.send(new GetJobCommand({ JobName: name }));
    return true;
  } catch (error) {
    if (error instanceof EntityNotFoundException) return false;
    throw error;
  }
}

/** Updates the job `name` to `definition`, creating it when Glue does not know it yet. */
export async function ensureGlueJob(
  client: GlueClient,
  name: string,
  definition: JobUpdate,
): Promise<"created" | "updated"> {
  if (!(await jobExists(client, name))) {
    try {
      await client.send(
        new CreateJobCommand({ Name: name, ...definition, Role: definition.Role!, Command: definition.Command! }),
      );
      return "created";
    } catch (error) {
      // Another run on the same target created it a moment ago; the update below makes it ours.
      if (!(error instanceof AlreadyExistsException)) throw error;
    }
  }
  await client.send(new UpdateJobCommand({ JobName: name, JobUpdate: definition }));
  return "updated";
}
