"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/server/action";

type ServerAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * A form bound to a server action. It submits without React's automatic reset, so a rejected
 * submission keeps what the user typed next to the messages that say what to fix; a successful
 * one that stays on the page is cleared, so what was typed (a password) does not linger.
 */
export function ActionForm({
  action,
  children,
}: {
  action: ServerAction;
  children: (result: ActionResult | null, pending: boolean) => ReactNode;
}) {
  const [result, dispatch, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok) form.current?.reset();
  }, [result]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return (
    <form ref={form} onSubmit={submit} className="stack" noValidate>
      <FormAlert result={result} />
      {children(result, pending)}
    </form>
  );
}

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  result: ActionResult | null;
  hint?: string;
};

/** A labelled input that shows its server-side error under it. */
export function Field({ name, label, type = "text", autoComplete, result, hint }: FieldProps) {
  const error = result?.fieldErrors?.[name];
  return (
    <div>
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        maxLength={2048}
      />
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : (
        hint && (
          <div className="muted" style={{ fontSize: 13 }}>
            {hint}
          </div>
        )
      )}
    </div>
  );
}

export function SubmitButton({
  pending,
  children,
  pendingLabel,
}: {
  pending: boolean;
  children: string;
  pendingLabel: string;
}) {
  return (
    <button type="submit" className="button" disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/** The form-level error, or the notice of success, of the last submission, if any. */
function FormAlert({ result }: { result: ActionResult | null }) {
  if (result?.ok && result.notice)
    return (
      <div className="alert ok" role="status">
        {result.notice}
      </div>
    );
  if (!result?.error || result.fieldErrors) return null;
  return (
    <div className="alert error" role="alert">
      {result.error}
    </div>
  );
}

/**
 * What went wrong, for a form whose fields the user did not type (hidden ids, buttons): the field's
 * own message, as "Check the highlighted fields" would point at nothing.
 */
export function firstProblem(result: ActionResult): string | undefined {
  return Object.values(result.fieldErrors ?? {})[0] ?? result.error;
}
