import Link from "next/link";
import { TableScroll } from "@/app/_components/table-scroll";
import type { KnowledgeRow } from "@/lib/db/queries/knowledge";
import { approveKnowledgeAction, deleteKnowledgeAction } from "../actions";
import { EditEntry } from "./edit-entry";
import { RowAction } from "./row-action";
import { scopeOf, when } from "./when";

const KIND = { reading: "Reading", spelling: "Spelling" } as Record<string, string>;

/**
 * The knowledge entries a person may see. An administrator approves, edits and deletes any; a
 * member deletes their own entries while they are pending.
 */
export function KnowledgeTable({
  entries,
  user,
}: {
  entries: KnowledgeRow[];
  user: { id: string; role: "admin" | "member" };
}) {
  const isAdmin = user.role === "admin";
  return (
    <TableScroll label="Knowledge entries">
      <table className="grid knowledge-grid" data-testid="knowledge">
        <thead>
          <tr>
            <th>Words</th>
            <th>Means</th>
            <th>Kind</th>
            <th>Applies to</th>
            <th>Saved by</th>
            <th>From run</th>
            <th className="num">Used</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const scope = scopeOf(entry, user.id);
            const mayDelete = isAdmin || (scope.pending && entry.createdBy === user.id);
            const name = `"${entry.phrase}"`;
            return (
              <tr key={entry.id} data-testid="knowledge-entry">
                <td>“{entry.phrase}”</td>
                <td>
                  <code>{entry.meaning}</code>
                </td>
                <td>{KIND[entry.kind] ?? entry.kind}</td>
                <td>
                  <span className={`badge ${scope.pending ? "needs_input" : "succeeded"}`}>{scope.text}</span>
                </td>
                <td>
                  {entry.by ?? "a deleted account"}
                  <div className="muted nowrap">{when(entry.at)}</div>
                </td>
                <td>{entry.runId ? <Link href={`/runs/${entry.runId}`}>{entry.runId.slice(0, 8)}</Link> : "–"}</td>
                <td className="num">{entry.useCount}</td>
                <td>
                  <div className="knowledge-actions">
                    {isAdmin && scope.pending && (
                      <RowAction
                        action={approveKnowledgeAction}
                        id={entry.id}
                        label="Approve"
                        pendingLabel="Approving…"
                        describedAs={name}
                      />
                    )}
                    {isAdmin && (
                      <EditEntry
                        entry={{ id: entry.id, kind: entry.kind, phrase: entry.phrase, meaning: entry.meaning }}
                      />
                    )}
                    {mayDelete && (
                      <RowAction
                        action={deleteKnowledgeAction}
                        id={entry.id}
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
