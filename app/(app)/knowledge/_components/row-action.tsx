"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/server/action";

type ServerAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * One button that acts on one row (approve, delete). A refusal shows beside it; success needs no
 * message, as the row changes or goes.
 */
export function RowAction({
  action,
  id,
  label,
  pendingLabel,
  describedAs,
}: {
  action: ServerAction;
  id: string;
  label: string;
  pendingLabel: string;
  /** What the button acts on, for a screen reader ("Approve" alone is ambiguous in a table). */
  describedAs: string;
}) {
  const [result, dispatch, pending] = useActionState(action, null);
  return (
    <form action={dispatch} className="row-action">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button secondary" disabled={pending} aria-label={`${label} ${describedAs}`}>
        {pending ? pendingLabel : label}
      </button>
      {result && !result.ok && (
        <div className="field-error" role="alert">
          {result.error}
        </div>
      )}
    </form>
  );
}
