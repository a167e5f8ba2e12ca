import type { EngineRequest } from "@/lib/engines/choose-engine";
import { getEnv } from "@/lib/env";
import type { PipelineRunSpec } from "@/lib/pipelines/render";
import type { ReviewedPlan } from "@/lib/review/review-request";

/**
 * reading: offline and deterministic, parses English over the semantic model and asks when a request
 * reads in several ways; bedrock: the model; auto: reading first, the model when the reading planner
 * cannot read a phrase or reads it with low confidence.
 */
export type PlannerMode = "reading" | "bedrock" | "auto";

/** How a pipeline run ends, or pauses: `in_review` waits for a person to build its plan, `needs_input` for answers to its questions. */
export type RunEndStatus = "succeeded" | "failed" | "rejected" | "in_review" | "needs_input";

/** Settings of one pipeline run. */
export type PipelineOptions = {
  sourceSchemas: string[];
  targetSchema: string;
  /** Repair rounds after the first build (default 3, at most 5). */
  maxRepairRounds: number;
  /** Statement timeout of builds and tests. */
  statementTimeoutMs: number;
  /** A target name the user chose, overriding the planner's. */
  targetTable?: string;
  /** Replace `targetTable` if it exists (only a table this run's user may replace). */
  replace?: boolean;
  /** Which planner reads the request (default rules). */
  planner?: PlannerMode;
  /** The Bedrock model of the bedrock and auto planners. */
  bedrockModelId?: string;
  bedrockTemperature?: number;
  bedrockMaxTokens?: number;
  /** What builds the shadow tables (default sql); auto picks Glue for large sources. */
  engine?: EngineRequest;
  /** The profiled source rows, summed, from which auto picks Glue. */
  glueMinSourceRows?: number;
  /** Set for a pipeline run: its spec is built as it is, without the planner. */
  pipeline?: PipelineRunSpec;
  /** Stop after planning, in review, until a person builds the plan. */
  review?: boolean;
  /** A plan a person reviewed: built as it is, in place of the planner. */
  reviewed?: ReviewedPlan;
};

const DEFAULT_REPAIR_ROUNDS = 3;
const MAX_REPAIR_ROUNDS = 5;

/** Pipeline settings from the configuration, with the caller's choices on top. */
export function pipelineOptions(overrides: Partial<PipelineOptions> = {}): PipelineOptions {
  const env = getEnv();
  return {
    sourceSchemas: env.sourceSchemas,
    targetSchema: env.targetSchema,
    maxRepairRounds: DEFAULT_REPAIR_ROUNDS,
    planner: env.planner,
    bedrockModelId: env.bedrockModelId,
    bedrockTemperature: env.bedrockTemperature,
    bedrockMaxTokens: env.bedrockMaxTokens,
    engine: env.engine,
    glueMinSourceRows: env.glueMinSourceRows,
    statementTimeoutMs: 5 * 60_000,
    ...overrides,
    ...(overrides.maxRepairRounds !== undefined
      ? { maxRepairRounds: Math.min(MAX_REPAIR_ROUNDS, Math.max(0, overrides.maxRepairRounds)) }
      : {}),
  };
}
