import Link from "next/link";
import { RunStatusBadge } from "@/app/_components/run-status-badge";
import type { PipelineListItem } from "@/lib/db/queries/pipelines";
import styles from "./day-bars.module.css";

const DAY_MS = 24 * 60 * 60 * 1000;
const FAILED = new Set(["failed", "rejected", "interrupted"]);
const when = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Scheduled pipelines that fire within a day, soonest first, and those whose last run did not succeed. */
export function PipelineWatch({ pipelines, now }: { pipelines: PipelineListItem[]; now: Date }) {
  const due = pipelines
    .filter((p) => p.cron && !p.paused && p.nextFireAt && p.nextFireAt.getTime() - now.getTime() <= DAY_MS)
    .sort((a, b) => a.nextFireAt!.getTime() - b.nextFireAt!.getTime());
  const failing = pipelines.filter((p) => p.lastRun && FAILED.has(p.lastRun.status));
  return (
    <section className="card stack" aria-labelledby="pipelines-title">
      <h2 id="pipelines-title">Pipelines</h2>
      <div data-testid="pipelines-due">
        <h3 className={styles.subhead}>Due in the next 24 hours</h3>
        {due.length === 0 ? (
          <p className="muted">
            None.{" "}
            {pipelines.some((p) => p.cron && !p.paused)
              ? "No schedule fires within a day."
              : "No pipeline has an active schedule."}
          </p>
        ) : (
          <ul className="spec-list">
            {due.map((p) => (
              <li key={p.id}>
                <Link href={`/pipelines/${p.id}`}>{p.name}</Link> <span className="muted">{when(p.nextFireAt!)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div data-testid="pipelines-failing">
        <h3 className={styles.subhead}>Failing</h3>
        {failing.length === 0 ? (
          <p className="muted">None: every pipeline&apos;s last run succeeded or is still going.</p>
        ) : (
          <ul className="spec-list">
            {failing.map((p) => (
              <li key={p.id}>
                <Link href={`/pipelines/${p.id}`}>{p.name}</Link> <RunStatusBadge status={p.lastRun!.status} />{" "}
                <Link href={`/runs/${p.lastRun!.id}`} className="muted">
                  {when(p.lastRun!.createdAt)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
