import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { ArtifactStore } from "@/lib/artifacts/store";
import type { Database, SqlClient } from "@/lib/db/client";
import type { GlueEngine } from "@/lib/engines/glue-engine";
import type { Agent, EventLevel, EventStore } from "@/lib/events/types";
import type { PipelineRunSpec } from "@/lib/pipelines/render";
import type { PipelineOptions } from "@/lib/runs/pipeline-options";

export type { PipelineOptions, PipelineRunSpec };

/** What every agent may use; it never learns whether it runs in-process or on Lambda. */
export type AgentContext = {
  runId: string;
  /** The owner's pool: DataMorph's own tables (runs, events, artifacts), never user SQL. */
  sql: SqlClient;
  /** The same connection pool through drizzle, for run bookkeeping. */
  db: Database;
  /** The reader login: catalog, sample values, profiles; it can read sources and nothing else. */
  reader: SqlClient;
  /** The builder login: shadow tables, data tests, publish; it may only touch tables it made. */
  builder: SqlClient;
  events: EventStore;
  artifacts: ArtifactStore;
  options: PipelineOptions;
  /** The model client of the bedrock and auto planners (default: one from the AWS environment). */
  bedrock?: BedrockRuntimeClient;
  /** The Glue engine; absent where Glue is not configured, and then no run can build with it. */
  glue?: GlueEngine;
};

/** Records one event of `agent` in the run's log. */
export function emitter(context: AgentContext, agent: Agent) {
  return (level: EventLevel, message: string, payload?: unknown, durationMs?: number) =>
    context.events.append(context.runId, { agent, level, message, payload, durationMs });
}

/** Times `work` and returns its result with the elapsed milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - started) };
}
