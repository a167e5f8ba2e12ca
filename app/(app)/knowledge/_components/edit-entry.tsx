"use client";

import { ActionForm, SubmitButton } from "@/app/_components/form-parts";
import type { ActionResult } from "@/lib/server/action";
import { editKnowledgeAction } from "../actions";

const MEANING_HINT = {
  spelling: "One word of this warehouse's model, as the question offered it.",
  reading:
    "A choice as the question shows it: a column (orders.amount), a period of a date column (month of orders.order_date), a table's rows (orders rows) or a table (orders). Anything else is never offered, so it would never be used.",
} as const;

/** An administrator's edit of an entry: its words, and what they mean, checked before saving. */
export function EditEntry({ entry }: { entry: { id: string; kind: string; phrase: string; meaning: string } }) {
  const hint = entry.kind === "spelling" ? MEANING_HINT.spelling : MEANING_HINT.reading;
  return (
    <details className="edit-entry">
      <summary>Edit</summary>
      <ActionForm action={editKnowledgeAction}>
        {(result, pending) => (
          <>
            <input type="hidden" name="id" value={entry.id} />
            <EntryField id={entry.id} name="phrase" label="Words" value={entry.phrase} result={result} />
            <EntryField
              id={entry.id}
              name="meaning"
              label="Meaning"
              value={entry.meaning}
              result={result}
              hint={hint}
            />
            <div>
              <SubmitButton pending={pending} pendingLabel="Saving…">
                Save
              </SubmitButton>
            </div>
          </>
        )}
      </ActionForm>
    </details>
  );
}

/** A labelled input with an id of its own (one form per row), its error or hint under it. */
function EntryField({
  id,
  name,
  label,
  value,
  result,
  hint,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  result: ActionResult | null;
  hint?: string;
}) {
  const inputId = `${name}-${id}`;
  const error = result?.fieldErrors?.[name];
  return (
    <div>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${inputId}-note`}
        maxLength={500}
      />
      <div id={`${inputId}-note`} className={error ? "field-error" : "muted hint"} role={error ? "alert" : undefined}>
        {error ?? hint}
      </div>
    </div>
  );
}
