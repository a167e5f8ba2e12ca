"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { rerunAction, rollbackAction } from "../actions";

/** Re-run, roll back and the PDF report. */
export function RunActions({ runId, status, canRollBack }: { runId: string; status: string; canRollBack: boolean }) {
  const [rerun, rerunDispatch, rerunPending] = useActionState<ActionResult | null, FormData>(rerunAction, null);
  const [rollback, rollbackDispatch, rollbackPending] = useActionState<ActionResult | null, FormData>(rollbackAction, null);
  const message = rerun?.error ?? rollback?.error ?? (rollback?.ok ? "Rolled back: the previous version is in place again." : undefined);
  return (
    <div className="stack" style={{ alignItems: "flex-end" }}>
      <div className="row">
        <a className="button secondary" href={`/api/runs/${runId}/report.pdf`} download>PDF report</a>
        <form action={rerunDispatch}>
          <input type="hidden" name="runId" value={runId} />
          <button className="button secondary" disabled={rerunPending || status === "running" || status === "queued"}>{rerunPending ? "Starting…" : "Re-run"}</button>
        </form>
        {canRollBack && (
          <form action={rollbackDispatch}>
            <input type="hidden" name="runId" value={runId} />
            <button className="button secondary" disabled={rollbackPending}>{rollbackPending ? "Rolling back…" : "Roll back"}</button>
          </form>
        )}
      </div>
      {message && <div className={`alert ${rollback?.ok ? "ok" : "error"}`} role="status">{message}</div>}
    </div>
  );
}
