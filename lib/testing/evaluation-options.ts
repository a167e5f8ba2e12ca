import type { PipelineOptions } from "@/lib/runs/pipeline-options";

/** How the eval tests run each case: the offline planner on `public`, a minute per statement. */
export const offlineEvaluationOptions: Omit<PipelineOptions, "targetTable"> = {
  sourceSchemas: ["public"],
  targetSchema: "public",
  maxRepairRounds: 3,
  statementTimeoutMs: 60_000,
  planner: "reading",
};
