import Link from "next/link";
import type { RunListItem } from "@/lib/db/queries/runs";
import { RunStatusBadge } from "./run-status-badge";
import { TableScroll } from "./table-scroll";

function duration(run: RunListItem): string {
  if (!run.startedAt || !run.finishedAt) return "–";
  const ms = run.finishedAt.getTime() - run.startedAt.getTime();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function RunsTable({ runs, showUser }: { runs: RunListItem[]; showUser: boolean }) {
  if (runs.length === 0)
    return <div className="empty">No runs yet. Describe a table on the home page to start one.</div>;
  return (
    <TableScroll label="Runs">
      <table className="grid runs-grid stack-on-phone">
        <thead>
          <tr>
            <th>Prompt</th>
            <th>Status</th>
            <th>Target</th>
            <th className="num">Rows</th>
            <th className="num">Duration</th>
            {showUser && <th>User</th>}
            <th>Started</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td className="full">
                <Link href={`/runs/${run.id}`}>
                  {run.prompt.length > 90 ? `${run.prompt.slice(0, 90)}…` : run.prompt}
                </Link>
              </td>
              <td>
                <RunStatusBadge status={run.status} />
              </td>
              <td className="nowrap" data-label="Target">
                <code>{run.targetTable ? `${run.targetSchema}.${run.targetTable}` : "–"}</code>
              </td>
              <td className="num" data-label="Rows">
                {run.rowCount?.toLocaleString("en-US") ?? "–"}
              </td>
              <td className="num" data-label="Duration">
                {duration(run)}
              </td>
              {showUser && <td data-label="User">{run.userEmail}</td>}
              <td className="nowrap" data-label="Started">
                {run.createdAt.toISOString().slice(0, 16).replace("T", " ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
