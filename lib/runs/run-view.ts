import { AGENTS, type Agent, type StoredRunEvent } from "@/lib/events/types";
import type { NextStep } from "@/lib/planner/next-steps";
import type { SpecChange } from "@/lib/spec/diff";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { DataTestResult } from "@/lib/validation/types";

export type StageState = "pending" | "active" | "done" | "failed";
export type RepairRound = { round: number; diagnosis: string; cause: string; changes: SpecChange[] };

/** What the run page shows, derived from the run's events alone (so a replay looks the same). */
export type RunView = {
  stages: { agent: Agent; state: StageState; ms: number }[];
  /** The spec as planned; the artifact store holds the repaired one. */
  spec?: EtlSpec;
  notes: string[];
  sql?: string;
  pyspark?: string;
  tests: DataTestResult[];
  rounds: RepairRound[];
  finished: boolean;
  /** Why the run has not started yet: the latest "Queued: …" event, until anything follows it. */
  queued?: string;
  /** Requests the planner reads, offered in place of a refused one. */
  nextSteps: NextStep[];
};

const payloadOf = <T>(event: StoredRunEvent) => (event.payload ?? {}) as T;

/** Folds the events into stages, spec, code, latest test results and repair rounds. */
export function deriveRunView(events: StoredRunEvent[]): RunView {
  const view: RunView = { stages: [], notes: [], tests: [], rounds: [], finished: false, nextSteps: [] };
  const state = new Map<Agent, StageState>();
  const ms = new Map<Agent, number>();
  for (const event of events) {
    view.queued = payloadOf<{ queued?: boolean }>(event).queued ? event.message : undefined;
    ms.set(event.agent, (ms.get(event.agent) ?? 0) + (event.durationMs ?? 0));
    // A stage shows its latest event: a failed test round followed by a passing one is done.
    state.set(event.agent, event.level === "error" ? "failed" : event.level === "success" ? "done" : "active");
    if (event.agent === "planner" && event.level === "success") {
      const { spec, notes } = payloadOf<{ spec: EtlSpec; notes?: string[] }>(event);
      view.spec = spec;
      view.notes = notes ?? [];
    }
    if (event.agent === "codegen")
      ({ sql: view.sql, pyspark: view.pyspark } = payloadOf<{ sql: string; pyspark: string }>(event));
    if (event.agent === "validator" && Array.isArray(payloadOf<{ results?: unknown }>(event).results))
      view.tests = payloadOf<{ results: DataTestResult[] }>(event).results;
    if (event.agent === "remediator") {
      const { round, cause, changes } = payloadOf<{ round: number; cause: string; changes: SpecChange[] }>(event);
      view.rounds.push({ round, cause, changes: changes ?? [], diagnosis: event.message });
      // A proposed repair is the remediator's whole job; the next build is the validator's again.
      if (event.level !== "error") state.set("remediator", "done");
    }
    if (payloadOf<{ final?: boolean }>(event).final) {
      view.finished = true;
      view.nextSteps = payloadOf<{ nextSteps?: NextStep[] }>(event).nextSteps ?? [];
    }
    // Built after a pause for review: the run goes on after its earlier final event.
    if (payloadOf<{ resumed?: boolean }>(event).resumed) view.finished = false;
  }
  view.stages = AGENTS.filter((a) => a !== "orchestrator" && (a !== "remediator" || state.has(a))).map((agent) => ({
    agent,
    state: state.get(agent) ?? "pending",
    ms: ms.get(agent) ?? 0,
  }));
  return view;
}
