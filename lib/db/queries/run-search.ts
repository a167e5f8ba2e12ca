import { and, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { pipelines, runs, users } from "@/lib/db/schema";
import type { RunsQuery } from "@/lib/runs/runs-query";
import { byEvaluation, runListColumns, type RunListItem } from "./runs";

/** A LIKE pattern that finds `text` anywhere, its own `%`, `_` and `\` taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the runs a user can see (their own; everyone's for an administrator, or only
 * their own with `mine`), people's or with `evaluations` those evaluations made, newest first: those whose prompt, target table, pipeline or (for an
 * administrator) user's email holds `q`, in `status`. With the total that match.
 */
export async function searchRuns({
  userId,
  isAdmin,
  query,
  pageSize = 25,
}: {
  userId: string;
  isAdmin: boolean;
  query: RunsQuery;
  pageSize?: number;
}): Promise<{ runs: RunListItem[]; total: number }> {
  const pattern = containsPattern(query.q);
  const matches: SQL | undefined = query.q
    ? or(
        ilike(runs.prompt, pattern),
        ilike(sql`coalesce(${runs.targetSchema} || '.', '') || coalesce(${runs.targetTable}, '')`, pattern),
        ilike(pipelines.name, pattern),
        isAdmin ? ilike(users.email, pattern) : undefined,
      )
    : undefined;
  const where = and(
    !isAdmin || query.mine ? eq(runs.userId, userId) : undefined,
    query.status ? eq(runs.status, query.status) : undefined,
    byEvaluation(query.evaluations),
    matches,
  );
  const base = () =>
    getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(runs)
      .innerJoin(users, eq(users.id, runs.userId))
      .leftJoin(pipelines, eq(pipelines.id, runs.pipelineId))
      .where(where);
  const [rows, [{ n }]] = await Promise.all([
    getDb()
      .select(runListColumns)
      .from(runs)
      .innerJoin(users, eq(users.id, runs.userId))
      .leftJoin(pipelines, eq(pipelines.id, runs.pipelineId))
      .where(where)
      .orderBy(desc(runs.createdAt), desc(runs.id))
      .limit(pageSize)
      .offset((query.page - 1) * pageSize),
    base(),
  ]);
  return { runs: rows, total: n };
}
