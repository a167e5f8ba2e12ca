import { z } from "zod";
import { AGENTS, type StoredRunEvent } from "@/lib/events/types";
import type { DataTestResult } from "@/lib/validation/types";
import type { AgentTiming, RemediationRound } from "./types";

// Payloads are stored as JSON by the agents; parsing them here keeps a report of an older or
// damaged run readable instead of failing on one odd event.
const CodegenPayloadSchema = z.object({ sql: z.string(), pyspark: z.string(), round: z.number() });
const ValidatorPayloadSchema = z.object({
  round: z.number(),
  results: z.array(z.looseObject({ name: z.string(), passed: z.boolean(), blocking: z.boolean() })),
});
const RemediatorPayloadSchema = z.object({
  round: z.number(),
  cause: z.string(),
  changes: z.array(z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })),
});
const PlannerPayloadSchema = z.object({
  spec: z.unknown(),
  confidence: z.number().optional(),
  notes: z.array(z.string()).optional(),
});

function payloadsOf<T>(
  events: StoredRunEvent[],
  agent: StoredRunEvent["agent"],
  schema: z.ZodType<T>,
): { event: StoredRunEvent; payload: T }[] {
  return events.flatMap((event) => {
    if (event.agent !== agent) return [];
    const parsed = schema.safeParse(event.payload);
    return parsed.success ? [{ event, payload: parsed.data }] : [];
  });
}

/** Milliseconds each agent spent, in pipeline order; agents that never ran are left out. */
export function sumAgentTimings(events: StoredRunEvent[]): AgentTiming[] {
  return AGENTS.flatMap((agent) => {
    const own = events.filter((e) => e.agent === agent);
    if (own.length === 0) return [];
    return [{ agent, ms: own.reduce((total, e) => total + (e.durationMs ?? 0), 0), events: own.length }];
  });
}

/** The code of the last compile: after a repair, the amended spec's. */
export function lastCompiled(events: StoredRunEvent[]): { sql: string; pyspark: string } | null {
  const compiled = payloadsOf(events, "codegen", CodegenPayloadSchema).at(-1);
  return compiled ? { sql: compiled.payload.sql, pyspark: compiled.payload.pyspark } : null;
}

/** The data test results of the last build, if any build was tested. */
export function lastTestResults(events: StoredRunEvent[]): DataTestResult[] | null {
  const tested = payloadsOf(events, "validator", ValidatorPayloadSchema).at(-1);
  return tested ? (tested.payload.results as unknown as DataTestResult[]) : null;
}

/** The planner's spec as first planned, with its confidence and notes. */
export function plannerResult(
  events: StoredRunEvent[],
): { spec: unknown; confidence: number | null; notes: string[] } | null {
  const planned = payloadsOf(events, "planner", PlannerPayloadSchema).find((p) => p.payload.spec !== undefined);
  return planned
    ? { spec: planned.payload.spec, confidence: planned.payload.confidence ?? null, notes: planned.payload.notes ?? [] }
    : null;
}

/** Each repair round with the blocking tests that made it necessary. */
export function remediationRounds(events: StoredRunEvent[]): RemediationRound[] {
  const builds = payloadsOf(events, "validator", ValidatorPayloadSchema);
  return payloadsOf(events, "remediator", RemediatorPayloadSchema).map(({ event, payload }) => {
    // Round n repairs the build of round n - 1.
    const build = builds.find((b) => b.payload.round === payload.round - 1);
    return {
      round: payload.round,
      cause: payload.cause,
      diagnosis: event.message,
      amended: event.level !== "error",
      // JSON drops an undefined `before` (a value the amendment added), so it comes back missing.
      changes: payload.changes.map((c) => ({ path: c.path, before: c.before, after: c.after })),
      failedTests: build ? build.payload.results.filter((r) => r.blocking && !r.passed).map((r) => r.name) : [],
    };
  });
}
