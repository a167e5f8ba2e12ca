import Link from "next/link";
import type { Metadata } from "next";
import { RunsChart } from "@/app/_components/runs-chart";
import { RunsTable } from "@/app/_components/runs-table";
import { requirePageUser } from "@/lib/auth/session";
import { searchRuns } from "@/lib/db/queries/run-search";
import { getRunStats } from "@/lib/db/queries/runs";
import type { Run } from "@/lib/db/schema";
import { parseRunsQuery, runsListUrl } from "@/lib/runs/runs-query";
import { RunsPager, RunsSearch } from "./_components/runs-search";

export const metadata: Metadata = { title: "Runs" };

const STATUSES: Run["status"][] = [
  "succeeded",
  "failed",
  "rejected",
  "interrupted",
  "running",
  "queued",
  "needs_input",
  "in_review",
];
const PAGE_SIZE = 25;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RunsPage({ searchParams }: Props) {
  const user = await requirePageUser("/runs");
  const query = parseRunsQuery(await searchParams);
  const isAdmin = user.role === "admin";
  const [{ runs, total }, stats] = await Promise.all([
    searchRuns({ userId: user.id, isAdmin, query, pageSize: PAGE_SIZE }),
    getRunStats({ userId: user.id, isAdmin }),
  ]);
  const filtered = Boolean(query.q || query.status || query.mine || query.evaluations);
  return (
    <div className="stack">
      <div>
        <h1>Runs</h1>
        <p className="muted">
          {query.evaluations
            ? "The runs evaluations made, kept apart from people's runs and their figures."
            : isAdmin
              ? "Every run on this DataMorph."
              : "Your runs."}{" "}
          <Link href={runsListUrl({ ...query, evaluations: !query.evaluations, status: null, page: 1 })}>
            {query.evaluations ? "Show people's runs" : "Show evaluation runs"}
          </Link>
        </p>
      </div>
      <div className="two-col">
        <section className="card">
          <div className="stat-tiles" data-testid="run-stats">
            <span>
              <b>{stats.total}</b>runs
            </span>
            <span>
              <b>{stats.successRate === null ? "–" : `${Math.round(stats.successRate * 100)}%`}</b>success rate
            </span>
            <span>
              <b>{stats.medianMs === null ? "–" : `${(stats.medianMs / 1000).toFixed(2)} s`}</b>median duration
            </span>
          </div>
        </section>
        <section className="card">
          <div className="muted chart-caption">Runs per day, last 14 days (green: succeeded)</div>
          <RunsChart perDay={stats.perDay} />
        </section>
      </div>
      <RunsSearch query={query} statuses={STATUSES} counts={stats.byStatus} isAdmin={isAdmin} />
      <div className="card stack">
        {filtered && runs.length === 0 ? (
          <div className="empty">No runs match this search.</div>
        ) : (
          <RunsTable runs={runs} showUser={isAdmin} />
        )}
        {total > 0 && <RunsPager query={query} total={total} pageSize={PAGE_SIZE} />}
      </div>
    </div>
  );
}
