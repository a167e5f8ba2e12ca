import Link from "next/link";
import { TableScroll } from "@/app/_components/table-scroll";
import type { VerifiedExampleRow } from "@/lib/db/queries/verified-examples";
import { approveExampleAction, deleteExampleAction } from "../actions";
import { RowAction } from "./row-action";
import { scopeOf, when } from "./when";

/** The verified examples a person may see, with the same rights as knowledge entries. */
export function ExamplesTable({
  examples,
  user,
}: {
  examples: VerifiedExampleRow[];
  user: { id: string; role: "admin" | "member" };
}) {
  const isAdmin = user.role === "admin";
  return (
    <TableScroll label="Verified examples">
      <table className="grid" data-testid="verified-examples">
        <thead>
          <tr>
            <th>Request</th>
            <th>Applies to</th>
            <th>Verified by</th>
            <th>From run</th>
            <th className="num">Used</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {examples.map((example) => {
            const scope = scopeOf(example, user.id);
            const mayDelete = isAdmin || (scope.pending && example.createdBy === user.id);
            const name = `the example "${example.prompt.slice(0, 60)}"`;
            return (
              <tr key={example.id} data-testid="verified-example">
                <td className="prose">{example.prompt}</td>
                <td>
                  <span className={`badge ${scope.pending ? "needs_input" : "succeeded"}`}>{scope.text}</span>
                </td>
                <td>
                  {example.by ?? "a deleted account"}
                  <div className="muted nowrap">{when(example.at)}</div>
                </td>
                <td>
                  {example.runId ? <Link href={`/runs/${example.runId}`}>{example.runId.slice(0, 8)}</Link> : "–"}
                </td>
                <td className="num">{example.useCount}</td>
                <td>
                  <div className="knowledge-actions">
                    {isAdmin && scope.pending && (
                      <RowAction
                        action={approveExampleAction}
                        id={example.id}
                        label="Approve"
                        pendingLabel="Approving…"
                        describedAs={name}
                      />
                    )}
                    {mayDelete && (
                      <RowAction
                        action={deleteExampleAction}
                        id={example.id}
                        label="Delete"
                        pendingLabel="Deleting…"
                        describedAs={name}
                      />
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
