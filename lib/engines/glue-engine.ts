import { getGlueClient } from "@/lib/aws/clients";
import { GLUE_SCRIPT_ARGS } from "@/lib/codegen/pyspark-jdbc";
import { qualified } from "@/lib/warehouse/tables";
import { ensureGlueJob, glueJobDefinition, glueJobName } from "./glue-job";
import { startGlueRun, waitForGlueRun, type GlueRunUpdate } from "./glue-run";
import { resolveGlueSettings, type GlueEngineSettings } from "./glue-settings";

export type { GlueEngineSettings } from "./glue-settings";
export type { GlueRunUpdate } from "./glue-run";

/** One shadow table to build with the run's compiled PySpark script. */
export type GlueBuildRequest = {
  runId: string;
  round: number;
  /** Where the run's job.py is; Glue reads scripts from S3 only. */
  scriptUri: string;
  /** The Postgres database the Glue connection leads to and the shadow is written in. */
  database: string;
  schema: string;
  /** The table the shadow will be published as; names the Glue job. */
  target: string;
  shadow: string;
  onState?: (update: GlueRunUpdate) => void | Promise<void>;
};

export type GlueBuildResult = {
  jobName: string;
  jobRunId: string;
  job: "created" | "updated";
  executionSeconds?: number;
};

/** Builds shadow tables with AWS Glue jobs; the pipeline tests and publishes them as usual. */
export interface GlueEngine {
  buildShadow(request: GlueBuildRequest): Promise<GlueBuildResult>;
}

/**
 * A Glue engine: per build it creates or updates the target's job, starts a run of the run's
 * script with the shadow as its target, and follows it to the end. Throws on bad settings.
 */
export function createGlueEngine(settings: GlueEngineSettings): GlueEngine {
  const resolved = resolveGlueSettings(settings);
  return {
    async buildShadow(request) {
      if (!request.scriptUri.startsWith("s3://")) {
        throw new Error(
          `AWS Glue reads job scripts from S3, but this run's job.py is at ${request.scriptUri}: configure the S3 artifact store (DATAMORPH_ARTIFACTS_BUCKET) to build with Glue.`,
        );
      }
      const client = settings.client ?? getGlueClient();
      const jobName = glueJobName(resolved.jobNamePrefix, request.schema, request.target);
      const job = await ensureGlueJob(client, jobName, glueJobDefinition(resolved, request.scriptUri));
      const jobRunId = await startGlueRun(client, jobName, {
        // The job's script is the latest run's; this pins the run to its own.
        "--scriptLocation": request.scriptUri,
        [`--${GLUE_SCRIPT_ARGS.connection}`]: resolved.connectionName,
        [`--${GLUE_SCRIPT_ARGS.database}`]: request.database,
        [`--${GLUE_SCRIPT_ARGS.target}`]: qualified(request.schema, request.shadow),
        // Not read by the script: lets whoever looks at the Glue run find the DataMorph run.
        "--DATAMORPH_RUN_ID": request.runId,
        "--DATAMORPH_ROUND": String(request.round),
      });
      const run = await waitForGlueRun(client, jobName, jobRunId, {
        pollMs: resolved.pollMs,
        deadlineMs: resolved.deadlineMs,
        onState: request.onState,
      });
      return { jobName, jobRunId, job, executionSeconds: run.ExecutionTime };
    },
  };
}
