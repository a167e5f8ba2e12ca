import { ENGINE_REQUESTS, type EngineRequest } from "@/lib/env";

export { ENGINE_REQUESTS, type EngineRequest };

/** What builds a run's shadow tables: one SQL statement in Postgres, or an AWS Glue job. */
export type BuildEngine = Exclude<EngineRequest, "auto">;

export const isEngineRequest = (value: unknown): value is EngineRequest =>
  ENGINE_REQUESTS.includes(value as EngineRequest);

/** Below this many source rows, `auto` builds in Postgres: a Glue job's start-up costs more than it saves. */
export const DEFAULT_GLUE_MIN_SOURCE_ROWS = 5_000_000;

export type EngineChoice = { engine: BuildEngine; reason: string };

/**
 * Picks the engine of one run from what it asks for, the profiled source sizes and whether
 * Glue is configured here. Throws when the run insists on Glue and Glue is not configured.
 */
export function chooseEngine({
  requested = "sql",
  sourceRows,
  glueMinSourceRows = DEFAULT_GLUE_MIN_SOURCE_ROWS,
  glueAvailable,
}: {
  requested?: EngineRequest;
  sourceRows: number;
  glueMinSourceRows?: number;
  glueAvailable: boolean;
}): EngineChoice {
  const rows = `${sourceRows.toLocaleString("en-US")} source rows`;
  const threshold = glueMinSourceRows.toLocaleString("en-US");
  if (requested === "sql") return { engine: "sql", reason: "the run asks for SQL" };
  if (requested === "glue") {
    if (!glueAvailable) {
      throw new Error(
        "This run asks for the AWS Glue engine, but Glue is not configured here: set the Glue job role and the Glue connection to the warehouse (DATAMORPH_GLUE_ROLE_ARN, DATAMORPH_GLUE_CONNECTION) and store artifacts in S3 (DATAMORPH_ARTIFACTS_BUCKET).",
      );
    }
    return { engine: "glue", reason: "the run asks for Glue" };
  }
  if (sourceRows < glueMinSourceRows)
    return { engine: "sql", reason: `${rows}, below the Glue threshold of ${threshold}` };
  if (!glueAvailable)
    return {
      engine: "sql",
      reason: `${rows}, at least the Glue threshold of ${threshold}, but Glue is not configured here`,
    };
  return { engine: "glue", reason: `${rows}, at least the Glue threshold of ${threshold}` };
}
