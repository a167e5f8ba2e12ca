import type { Agent, EventLevel } from "@/lib/events/types";
import type { SpecChange } from "@/lib/spec/diff";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { DataTestResult } from "@/lib/validation/types";

/** Time an agent spent on a run, summed over its timed events. */
export type AgentTiming = { agent: Agent; ms: number; events: number };

/** One repair round: what the remediator read from the failing tests and what it changed. */
export type RemediationRound = {
  round: number;
  cause: string;
  diagnosis: string;
  /** False when no safe repair existed and the run stopped there. */
  amended: boolean;
  changes: SpecChange[];
  /** Blocking tests that failed in the build this round repaired. */
  failedTests: string[];
};

/** The first rows of the published table, as text, read when the report was made. */
export type ResultSample = {
  columns: string[];
  /** Columns left out so the table fits the page width. */
  hiddenColumns: string[];
  rows: string[][];
};

/** A line of the run's event log. */
export type ReportEvent = {
  seq: number;
  at: string;
  agent: Agent;
  level: EventLevel;
  message: string;
  durationMs?: number;
};

/** Everything a run report shows, gathered up front so the document only lays it out. */
export type RunReport = {
  id: string;
  prompt: string;
  status: string;
  user: { email: string; name: string };
  target: { schema: string; table: string } | null;
  rowCount: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  agentTimings: AgentTiming[];
  /** The spec that was built last: the planner's, or the remediator's amendment of it. */
  spec: EtlSpec | null;
  confidence: number | null;
  plannerNotes: string[];
  sql: string | null;
  pyspark: string | null;
  /** The data tests of the last build. */
  tests: DataTestResult[];
  remediations: RemediationRound[];
  sample: ResultSample | null;
  /** Why there is no sample, when there is none. */
  sampleNote: string | null;
  events: ReportEvent[];
  generatedAt: string;
};
