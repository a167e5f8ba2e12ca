import type { Metadata } from "next";
import Link from "next/link";
import { RunStatusBadge } from "@/app/_components/run-status-badge";
import { TableScroll } from "@/app/_components/table-scroll";
import { requirePageUser } from "@/lib/auth/session";
import { listPipelines } from "@/lib/db/queries/pipelines";

export const metadata: Metadata = { title: "Pipelines" };

const when = (at: Date | null | undefined) => (at ? at.toISOString().slice(0, 16).replace("T", " ") : "–");

type Props = { searchParams: Promise<{ deleted?: string | string[] }> };

export default async function PipelinesPage({ searchParams }: Props) {
  const user = await requirePageUser("/pipelines");
  const { deleted } = await searchParams;
  const isAdmin = user.role === "admin";
  const pipelines = await listPipelines({ userId: user.id, isAdmin });
  return (
    <div className="stack">
      <div>
        <h1>Pipelines</h1>
        <p className="muted">
          {isAdmin ? "Every pipeline on this DataMorph." : "Your pipelines."} Save a succeeded run as a pipeline from
          its page to build the table again, with other values or on a schedule.
        </p>
      </div>
      {typeof deleted === "string" && deleted.length <= 200 && (
        <div className="alert ok" role="status">
          Deleted pipeline {deleted}; the runs it made and the tables they built stay.
        </div>
      )}
      <div className="card">
        {pipelines.length === 0 ? (
          <div className="empty">No pipelines yet. Open a run that succeeded and press “Save as pipeline”.</div>
        ) : (
          <TableScroll label="Pipelines">
            <table className="grid" data-testid="pipelines">
              <thead>
                <tr>
                  <th>Pipeline</th>
                  <th>Version</th>
                  <th>Last run</th>
                  <th>Last success</th>
                  {isAdmin && <th>Owner</th>}
                </tr>
              </thead>
              <tbody>
                {pipelines.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/pipelines/${p.id}`}>{p.name}</Link>
                    </td>
                    <td className="num">v{p.currentVersion}</td>
                    <td>
                      {p.lastRun ? (
                        <>
                          <RunStatusBadge status={p.lastRun.status} />{" "}
                          <Link href={`/runs/${p.lastRun.id}`}>{when(p.lastRun.createdAt)}</Link>
                        </>
                      ) : (
                        "never run"
                      )}
                    </td>
                    <td>{when(p.lastSuccessAt)}</td>
                    {isAdmin && <td>{p.ownerEmail}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
    </div>
  );
}
