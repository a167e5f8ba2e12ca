"use client";

import { useFormStatus } from "react-dom";
import type { ActionResult } from "@/lib/server/action";

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
      <input id={name} name={name} type={type} autoComplete={autoComplete} aria-invalid={error ? true : undefined} maxLength={2048} />
      {error ? <div className="field-error" role="alert">{error}</div> : hint && <div className="muted" style={{ fontSize: 13 }}>{hint}</div>}
    </div>
  );
}

export function SubmitButton({ children, pendingLabel }: { children: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button" disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/** The form-level error of the last submission, if any. */
export function FormAlert({ result }: { result: ActionResult | null }) {
  if (!result?.error || result.fieldErrors) return null;
  return <div className="alert error" role="alert">{result.error}</div>;
}
