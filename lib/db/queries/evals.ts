import { desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { evalResults, evalRuns } from "@/lib/db/schema";
import { isAsExpected } from "@/lib/eval/outcome";
import { readStoredOutcome, readStoredTotals } from "@/lib/eval/stored-format";
import type { EvalTotals } from "@/lib/eval/summary";

export type EvalRunSummary = { id: string; version: string; planner: string; createdAt: Date; totals: EvalTotals };
export type CaseChange = {
  caseId: string;
  prompt: string;
  before: string | null;
  after: string;
  reason: string | null;
};

/** One case's result as an evaluation keeps it. */
export type NewEvalResult = {
  caseId: string;
  prompt: string;
  outcome: string;
  expected: string;
  reason: string | null;
  runId: string | null;
  ms: number;
};

/** Keeps one evaluation, its totals and every case's result, in one transaction; returns its id. */
export async function createEvalRun({
  db = getDb(),
  version,
  planner,
  files,
  totals,
  results,
}: {
  db?: Database;
  version: string;
  planner: string;
  files: string[];
  totals: EvalTotals;
  results: NewEvalResult[];
}): Promise<string> {
  return db.transaction(async (tx) => {
    const [run] = await tx.insert(evalRuns).values({ version, planner, files, totals }).returning({ id: evalRuns.id });
    if (results.length > 0) await tx.insert(evalResults).values(results.map((r) => ({ evalRunId: run.id, ...r })));
    return run.id;
  });
}

/** Recent evaluation runs, newest first. */
export async function listEvalRuns({ limit = 20 }: { limit?: number } = {}): Promise<EvalRunSummary[]> {
  const rows = await getDb().select().from(evalRuns).orderBy(desc(evalRuns.createdAt)).limit(limit);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    planner: r.planner,
    createdAt: r.createdAt,
    totals: readStoredTotals(r.totals),
  }));
}

/** Cases whose outcome differs between two evaluation runs (new cases included). */
export async function listChangedCases({ before, after }: { before?: string; after: string }): Promise<CaseChange[]> {
  const ids = before ? [before, after] : [after];
  const rows = await getDb().select().from(evalResults).where(inArray(evalResults.evalRunId, ids));
  const outcome = (r: (typeof rows)[number]) => readStoredOutcome(r.outcome, r.expected);
  const previous = new Map(rows.filter((r) => r.evalRunId === before).map((r) => [r.caseId, outcome(r)]));
  return rows
    .filter((r) => r.evalRunId === after && previous.get(r.caseId) !== outcome(r))
    .map((r) => ({
      caseId: r.caseId,
      prompt: r.prompt,
      before: previous.get(r.caseId) ?? null,
      after: outcome(r),
      reason: r.reason,
    }));
}

/** Cases of one evaluation run that did not come out as expected. */
export async function listMisses({ evalRunId }: { evalRunId: string }) {
  const rows = await getDb().select().from(evalResults).where(eq(evalResults.evalRunId, evalRunId));
  return rows
    .filter((r) => !isAsExpected(readStoredOutcome(r.outcome, r.expected)))
    .map((r) => ({ ...r, outcome: readStoredOutcome(r.outcome, r.expected) }));
}
