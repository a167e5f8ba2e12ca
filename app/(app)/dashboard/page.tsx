import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/db/queries/dashboard";
import { listPipelines } from "@/lib/db/queries/pipelines";
import { DayBars } from "./_components/day-bars";
import { PipelineWatch } from "./_components/pipeline-watch";

export const metadata: Metadata = { title: "Dashboard" };

const DAYS = 30;

/** A duration as people say it: 850 ms, 4.2 s, 3.5 min. */
function duration(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const isAdmin = user.role === "admin";
  const [dashboard, pipelines] = await Promise.all([
    getDashboard({ userId: user.id, isAdmin, days: DAYS }),
    listPipelines({ userId: user.id, isAdmin }),
  ]);
  const { totals } = dashboard;
  const testsRun = dashboard.tests.reduce((sum, d) => sum + d.tests, 0);
  const testsFailed = dashboard.tests.reduce((sum, d) => sum + d.failed, 0);
  return (
    <div className="stack">
      <div>
        <h1>Dashboard</h1>
        <p className="muted">
          {isAdmin ? "Every run on this DataMorph" : "Your runs"} over the last {DAYS} days, and the pipelines to watch.
        </p>
      </div>
      <section className="card" aria-label="Totals">
        <div className="stat-tiles" data-testid="dashboard-totals">
          <span>
            <b>{totals.runs}</b>runs
          </span>
          <span>
            <b>{totals.finished > 0 ? `${Math.round((totals.succeeded / totals.finished) * 100)}%` : "–"}</b>success
            rate
          </span>
          <span>
            <b>{duration(totals.medianMs)}</b>median duration
          </span>
        </div>
      </section>
      <div className="two-col">
        <section className="card" aria-labelledby="runs-title">
          <h2 id="runs-title">Runs per day</h2>
          <DayBars
            testId="runs-per-day"
            label={`Runs per day by status, last ${DAYS} days: ${totals.runs} in all`}
            series={[
              { label: "succeeded", tone: "ok" },
              { label: "failed", tone: "err" },
              { label: "rejected", tone: "warn" },
              { label: "interrupted", tone: "muted" },
              { label: "in progress or paused", tone: "accent" },
            ]}
            days={dashboard.runsPerDay.map((d) => ({
              day: d.day,
              values: [d.succeeded, d.failed, d.rejected, d.interrupted, d.other],
            }))}
          />
        </section>
        <section className="card" aria-labelledby="durations-title">
          <h2 id="durations-title">Median duration per day</h2>
          <p className="muted chart-caption">
            Over {DAYS} days: median {duration(totals.medianMs)}, 90th percentile {duration(totals.p90Ms)}.
          </p>
          <DayBars
            testId="durations-per-day"
            label={`Median run duration per day, last ${DAYS} days`}
            series={[{ label: "median duration", tone: "accent" }]}
            format={duration}
            days={dashboard.durations.map((d) => ({ day: d.day, values: [d.medianMs ?? 0] }))}
          />
        </section>
        <section className="card" aria-labelledby="tests-title">
          <h2 id="tests-title">Data tests failing per day</h2>
          <p className="muted chart-caption" data-testid="tests-summary">
            {testsFailed} of {testsRun.toLocaleString("en-US")} data tests failed in their run&apos;s last round.
          </p>
          <DayBars
            testId="tests-per-day"
            label={`Data tests failing per day, last ${DAYS} days: ${testsFailed} in all`}
            series={[{ label: "failed tests", tone: "err" }]}
            days={dashboard.tests.map((d) => ({ day: d.day, values: [d.failed] }))}
          />
        </section>
        <PipelineWatch pipelines={pipelines} now={new Date()} />
      </div>
    </div>
  );
}
