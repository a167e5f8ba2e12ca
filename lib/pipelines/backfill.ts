import { getPipelineVersion } from "@/lib/db/queries/pipelines";
import type { Pipeline } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/tables/actor";
import { datesBetween, isIsoDate, type DateUnit } from "./dates";
import { versionParameters } from "./render";
import type { RunEnd } from "./run-to-end";
import { preparePipelineRun, type PreparedPipelineRun } from "./start-pipeline-run";

export const BACKFILL_STEPS = ["day", "week", "month"] as const;

/** One period of a backfill; a period refused before its run was created has no run id. */
export type BackfillStep = {
  value: string;
  runId: string | null;
  status: RunEnd["status"];
  rowCount: number | null;
  error?: string;
};
export type BackfillResult = {
  parameter: string;
  every: DateUnit;
  periods: string[];
  runs: BackfillStep[];
  complete: boolean;
};

type BackfillRequest = {
  pipeline: Pipeline;
  by: Pick<Actor, "id">;
  /** The date parameter that takes each period's first day. */
  parameter: string;
  from: string;
  to: string;
  every: (typeof BACKFILL_STEPS)[number];
  /** Values of the other parameters (defaults for the rest). */
  values?: Record<string, unknown>;
  /** Carries out one prepared run to its end. */
  execute: (run: PreparedPipelineRun) => Promise<RunEnd>;
  /** Called as each period starts, with the run's id. */
  onPeriod?: (value: string, runId: string) => void;
  /** How long to wait for a run already in progress (a scheduled one) before giving up. */
  waitMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Prepares a run, waiting while another run of the pipeline (a scheduled one) is in progress. */
async function prepareWhenFree(
  request: Parameters<typeof preparePipelineRun>[0],
  waitMs: number,
): Promise<PreparedPipelineRun> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await preparePipelineRun(request);
    } catch (error) {
      const busy = error instanceof AppError && error.code === "conflict" && /run in progress/.test(error.message);
      if (!busy || Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

/** Checks a backfill's parameter and range before any run: a date parameter, from ≤ to. */
export async function planBackfill({
  pipeline,
  parameter,
  from,
  to,
  every,
}: Pick<BackfillRequest, "pipeline" | "parameter" | "from" | "to" | "every">): Promise<string[]> {
  const version = await getPipelineVersion({ pipelineId: pipeline.id, version: pipeline.currentVersion });
  const declared = version ? versionParameters(version).find((p) => p.name === parameter) : undefined;
  if (!declared) throw new AppError("bad_request", `Pipeline "${pipeline.name}" has no parameter ${parameter}.`);
  if (declared.type !== "date")
    throw new AppError("bad_request", `A backfill steps a date parameter; ${parameter} is ${declared.type}.`);
  if (!isIsoDate(from) || !isIsoDate(to))
    throw new AppError(
      "bad_request",
      "Write the range as FROM..TO with dates YYYY-MM-DD, e.g. 2024-01-01..2024-03-31.",
    );
  if (from > to) throw new AppError("bad_request", `The range ${from}..${to} ends before it starts.`);
  try {
    return datesBetween(from, to, every, 500);
  } catch {
    throw new AppError("bad_request", `${from}..${to} holds more than 500 ${every}s; backfill it in parts.`);
  }
}

/**
 * Backfills a pipeline over a date range: one run per period (the parameter set to the period's
 * first day), in order, each to its end before the next, stopping at the first that does not
 * succeed. Runs are normal pipeline runs (trigger `backfill`), never two at once.
 */
export async function backfillPipeline({
  execute,
  onPeriod,
  waitMs = 15 * 60_000,
  values = {},
  ...request
}: BackfillRequest): Promise<BackfillResult> {
  const periods = await planBackfill(request);
  const result: BackfillResult = {
    parameter: request.parameter,
    every: request.every,
    periods,
    runs: [],
    complete: false,
  };
  for (const value of periods) {
    let prepared: PreparedPipelineRun;
    try {
      prepared = await prepareWhenFree(
        {
          pipeline: request.pipeline,
          by: request.by,
          values: { ...values, [request.parameter]: value },
          trigger: "backfill",
        },
        waitMs,
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.runs.push({ value, runId: null, status: "rejected", rowCount: null, error: error.message });
      return result;
    }
    onPeriod?.(value, prepared.runId);
    const outcome = await execute(prepared);
    result.runs.push({
      value,
      runId: prepared.runId,
      status: outcome.status,
      rowCount: outcome.rowCount ?? null,
      ...(outcome.error ? { error: outcome.error } : {}),
    });
    if (outcome.status !== "succeeded") return result;
  }
  result.complete = true;
  return result;
}
