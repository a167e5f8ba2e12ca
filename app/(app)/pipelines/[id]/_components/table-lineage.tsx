import Link from "next/link";
import type { TableLineage } from "@/lib/lineage/table-lineage";

/**
 * The pipelines this one reads from and the ones that read from it, through the tables between
 * them: what to check when a table upstream changes, and what a change here reaches.
 */
export function TableLineageCard({ lineage, target }: { lineage: TableLineage; target: string }) {
  return (
    <section className="card stack" aria-label="Tables upstream and downstream">
      <h2>Upstream and downstream</h2>
      <div className="two-col">
        <div data-testid="pipeline-upstream">
          <h3>Upstream</h3>
          {lineage.upstream.length === 0 ? (
            <p className="muted">No pipeline you can see publishes a table this one reads.</p>
          ) : (
            <ul className="spec-list">
              {lineage.upstream.map((l) => (
                <li key={`${l.pipelineId}:${l.table}`}>
                  <code>{l.table}</code> ← <Link href={`/pipelines/${l.pipelineId}`}>{l.pipeline}</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div data-testid="pipeline-downstream">
          <h3>Downstream</h3>
          {lineage.downstream.length === 0 ? (
            <p className="muted">
              No pipeline you can see reads <code>{target}</code>.
            </p>
          ) : (
            <>
              <p className="muted">A change to this pipeline&apos;s table reaches these:</p>
              <ul className="spec-list">
                {lineage.downstream.map((l) => (
                  <li key={`${l.pipelineId}:${l.table}`}>
                    <Link href={`/pipelines/${l.pipelineId}`}>{l.pipeline}</Link> reads <code>{l.table}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
