"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { rerunAction, rollbackAction, verifyRunAction } from "../actions";

/**
 * Re-run, Edit & re-run (the plan editor, on this page), roll back, mark as verified and the PDF
 * report. Roll back shows only while the run's version is in place (`rollBackTarget`), and asks
 * before it changes the table. Verify shows on a succeeded run that is not verified yet.
 */
export function RunActions({
  runId,
  status,
  canEdit,
  canVerify,
  rollBackTarget,
}: {
  runId: string;
  status: string;
  canEdit: boolean;
  canVerify: boolean;
  rollBackTarget?: string;
}) {
  const [verify, verifyDispatch, verifyPending] = useActionState<ActionResult | null, FormData>(verifyRunAction, null);
  const [rerun, rerunDispatch, rerunPending] = useActionState<ActionResult | null, FormData>(rerunAction, null);
  const [rollback, rollbackDispatch, rollbackPending] = useActionState<ActionResult | null, FormData>(
    rollbackAction,
    null,
  );
  const [confirming, setConfirming] = useState(false);
  const message =
    rerun?.error ??
    rollback?.error ??
    verify?.error ??
    (rollback?.ok ? "Rolled back: the previous version is in place again." : undefined) ??
    verify?.notice;
  const failed = Boolean(rerun?.error ?? rollback?.error ?? verify?.error);
  return (
    <div className="stack" style={{ alignItems: "flex-end" }}>
      <div className="row">
        <a className="button secondary" href={`/api/runs/${runId}/report.pdf`} download>
          PDF report
        </a>
        <form action={rerunDispatch}>
          <input type="hidden" name="runId" value={runId} />
          <button
            type="submit"
            className="button secondary"
            disabled={rerunPending || status === "running" || status === "queued"}
          >
            {rerunPending ? "Starting…" : "Re-run"}
          </button>
        </form>
        {canEdit && (
          <Link className="button secondary" href={`/runs/${runId}?edit#plan-editor`} data-testid="edit-rerun">
            Edit &amp; re-run
          </Link>
        )}
        {canVerify && !verify?.ok && (
          <form action={verifyDispatch}>
            <input type="hidden" name="runId" value={runId} />
            <button
              type="submit"
              className="button secondary"
              disabled={verifyPending}
              title="The table is right: plan requests that say the same, up to their values, like this run"
            >
              {verifyPending ? "Saving…" : "Mark as verified"}
            </button>
          </form>
        )}
        {rollBackTarget && !confirming && (
          <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
            Roll back
          </button>
        )}
      </div>
      {rollBackTarget && confirming && (
        <form action={rollbackDispatch} className="alert info stack" role="group" aria-label="Confirm roll back">
          <span>
            Put back the version of {rollBackTarget} that this run replaced? This run&apos;s version is set aside, and a
            run is rolled back only once.
          </span>
          <input type="hidden" name="runId" value={runId} />
          <div className="row">
            <button type="submit" className="button" disabled={rollbackPending}>
              {rollbackPending ? "Rolling back…" : "Yes, roll back"}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {message && (
        <div className={`alert ${failed ? "error" : "ok"}`} role="status">
          {message}
        </div>
      )}
    </div>
  );
}
