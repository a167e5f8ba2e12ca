/** The agents of the pipeline, in the order a run meets them. */
export const AGENTS = [
  "orchestrator",
  "planner",
  "profiler",
  "codegen",
  "executor",
  "validator",
  "remediator",
  "publisher",
] as const;
export type Agent = (typeof AGENTS)[number];

export type EventLevel = "info" | "success" | "warn" | "error";

/** What an agent reports; the store adds the run id, sequence number and time. */
export type RunEventInput = {
  agent: Agent;
  level: EventLevel;
  message: string;
  payload?: unknown;
  durationMs?: number;
};

/** A stored event: ordered per run by `seq`, starting at 1 with no gaps. */
export type StoredRunEvent = RunEventInput & { runId: string; seq: number; at: string };

/** Appends and reads the ordered events of runs; Postgres here, DynamoDB on AWS. */
export interface EventStore {
  append(runId: string, event: RunEventInput): Promise<StoredRunEvent>;
  /** Events of a run with `seq > afterSeq`, in order. */
  listAfter(runId: string, afterSeq: number): Promise<StoredRunEvent[]>;
}
