import { desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { evalResults, evalRuns } from "@/lib/db/schema";

export type EvalTotals = { cases: number; passed: number; correct: number; rejected: number; failed: number; silentlyWrong: number; errors: number };
export type EvalRunSummary = { id: string; version: string; planner: string; createdAt: Date; totals: EvalTotals };
export type CaseChange = { caseId: string; prompt: string; before: string | null; after: string; reason: string | null };

/** Recent evaluation runs, newest first. */
export async function listEvalRuns({ limit = 20 }: { limit?: number } = {}): Promise<EvalRunSummary[]> {
  const rows = await getDb().select().from(evalRuns).orderBy(desc(evalRuns.createdAt)).limit(limit);
  return rows.map((r) => ({ id: r.id, version: r.version, planner: r.planner, createdAt: r.createdAt, totals: r.totals as EvalTotals }));
}

/** Cases whose outcome differs between two evaluation runs (new cases included). */
export async function listChangedCases({ before, after }: { before?: string; after: string }): Promise<CaseChange[]> {
  const ids = before ? [before, after] : [after];
  const rows = await getDb().select().from(evalResults).where(inArray(evalResults.evalRunId, ids));
  const previous = new Map(rows.filter((r) => r.evalRunId === before).map((r) => [r.caseId, r.outcome]));
  return rows
    .filter((r) => r.evalRunId === after && previous.get(r.caseId) !== r.outcome)
    .map((r) => ({ caseId: r.caseId, prompt: r.prompt, before: previous.get(r.caseId) ?? null, after: r.outcome, reason: r.reason }));
}

/** Cases of one evaluation run that did not come out as expected. */
export async function listMisses({ evalRunId }: { evalRunId: string }) {
  const rows = await getDb().select().from(evalResults).where(eq(evalResults.evalRunId, evalRunId));
  const asExpected = (r: (typeof rows)[number]) => r.outcome === "correct" || (r.expected === "reject" && (r.outcome === "rejected" || r.outcome === "failed"));
  return rows.filter((r) => !asExpected(r));
}
