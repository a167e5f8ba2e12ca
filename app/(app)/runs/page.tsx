import type { Metadata } from "next";
import Link from "next/link";
import { RunsChart } from "@/app/_components/runs-chart";
import { RunsTable } from "@/app/_components/runs-table";
import { requirePageUser } from "@/lib/auth/session";
import { getRunStats, listRuns } from "@/lib/db/queries/runs";
import type { Run } from "@/lib/db/schema";

export const metadata: Metadata = { title: "Runs" };

const STATUSES: Run["status"][] = ["succeeded", "failed", "rejected", "interrupted", "running", "queued", "in_review"];

type Props = { searchParams: Promise<{ status?: string }> };

export default async function RunsPage({ searchParams }: Props) {
  const user = await requirePageUser("/runs");
  const requested = (await searchParams).status;
  const status = STATUSES.find((s) => s === requested);
  const isAdmin = user.role === "admin";
  const [runs, stats] = await Promise.all([listRuns({ userId: user.id, isAdmin, status }), getRunStats({ userId: user.id, isAdmin })]);
  return (
    <div className="stack">
      <div>
        <h1>Runs</h1>
        <p className="muted">{isAdmin ? "Every run on this DataMorph." : "Your runs."}</p>
      </div>
      <div className="two-col">
        <section className="card">
          <div className="stat-tiles" data-testid="run-stats">
            <span><b>{stats.total}</b>runs</span>
            <span><b>{stats.successRate === null ? "–" : `${Math.round(stats.successRate * 100)}%`}</b>success rate</span>
            <span><b>{stats.medianMs === null ? "–" : `${(stats.medianMs / 1000).toFixed(2)} s`}</b>median duration</span>
          </div>
        </section>
        <section className="card">
          <div className="muted chart-caption">Runs per day, last 14 days (green: succeeded)</div>
          <RunsChart perDay={stats.perDay} />
        </section>
      </div>
      <nav className="row" aria-label="Filter by status">
        <Link className={`chip${status ? "" : " active"}`} href="/runs">all</Link>
        {STATUSES.map((s) => (
          <Link key={s} className="chip" href={`/runs?status=${s}`} aria-current={s === status ? "page" : undefined}>
            {s} {stats.byStatus[s] ? `(${stats.byStatus[s]})` : ""}
          </Link>
        ))}
      </nav>
      <div className="card">
        <RunsTable runs={runs} showUser={isAdmin} />
      </div>
    </div>
  );
}
