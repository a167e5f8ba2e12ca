import Link from "next/link";
import { formatWhen } from "@/lib/tables/actor";
import type { PublishState } from "@/lib/tables/publish-state";

/**
 * Why a succeeded run shows no result: a later run replaced its table, or it was rolled back.
 * A later run of someone the viewer cannot see is named, not linked.
 */
export function PublishNotice({
  state,
  table,
  canOpen,
}: {
  state: PublishState;
  table: string;
  canOpen: (userId: string) => boolean;
}) {
  if (state.kind === "replaced") {
    const { by } = state;
    return (
      <div className="alert info" role="status" data-testid="publish-notice">
        Replaced by{" "}
        {canOpen(by.userId) ? (
          <Link href={`/runs/${by.id}`}>run {by.id.slice(0, 8)}</Link>
        ) : (
          "a later run of another user"
        )}{" "}
        on {formatWhen(by.at)}: {table} now holds that run&apos;s rows, so they are not shown here as this run&apos;s
        result.
      </div>
    );
  }
  if (state.kind === "rolled-back") {
    return (
      <div className="alert info" role="status" data-testid="publish-notice">
        Rolled back on {formatWhen(state.at)}
        {state.by ? ` by ${state.by}` : ""}: {table} holds the version this run replaced. Re-run to publish it again.
      </div>
    );
  }
  return null;
}
