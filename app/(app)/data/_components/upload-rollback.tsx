"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type State = { status: "idle" | "confirming" | "working" } | { status: "done" | "error"; message: string };

/**
 * Undoes the upload that replaced this table, after a confirmation, through the API. It stays
 * mounted while the page refreshes (`available` then turns false), so its answer stays visible.
 */
export function UploadRollback({ schema, table, available }: { schema: string; table: string; available: boolean }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ status: "idle" });
  const rollBack = async () => {
    setState({ status: "working" });
    const response = await fetch(
      `/api/tables/${encodeURIComponent(table)}/rollback?schema=${encodeURIComponent(schema)}`,
      { method: "POST", headers: { "content-type": "application/json" }, body: "{}" },
    );
    const body = (await response.json().catch(() => null)) as { message?: string; error?: { message?: string } } | null;
    if (!response.ok)
      return setState({
        status: "error",
        message: body?.error?.message ?? `The roll back failed (the server answered ${response.status}).`,
      });
    setState({ status: "done", message: body?.message ?? "Rolled back." });
    router.refresh();
  };
  if (state.status === "done")
    return (
      <div className="alert ok" role="status">
        {state.message}
      </div>
    );
  if (!available) return null;
  return (
    <div className="stack">
      {state.status === "idle" || state.status === "error" ? (
        <div className="row">
          <button type="button" className="button secondary" onClick={() => setState({ status: "confirming" })}>
            Roll back the last upload
          </button>
        </div>
      ) : (
        <div className="alert info stack" role="group" aria-label="Confirm roll back">
          <span>
            Put back the version of {schema}.{table} that the last upload replaced? The uploaded version is set aside.
          </span>
          <div className="row">
            <button type="button" className="button" disabled={state.status === "working"} onClick={rollBack}>
              {state.status === "working" ? "Rolling back…" : "Yes, roll back"}
            </button>
            <button type="button" className="button secondary" onClick={() => setState({ status: "idle" })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.status === "error" && (
        <div className="alert error" role="alert">
          {state.message}
        </div>
      )}
    </div>
  );
}
