"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { firstProblem } from "@/app/_components/form-parts";
import type { ActionResult } from "@/lib/server/action";
import { changeRoleAction, disableUserAction, enableUserAction, removeUserAction } from "../actions";

const actions = {
  role: changeRoleAction,
  disable: disableUserAction,
  enable: enableUserAction,
  remove: removeUserAction,
};

type Props = { userId: string; email: string; role: "admin" | "member"; disabled: boolean };

/**
 * One row's buttons; the answer of the last one pressed shows under them. The buttons read the same
 * in every row: the row (its user) tells them apart, as a screen reader announces it.
 */
export function UserRowActions({ userId, email, role, disabled }: Props) {
  const [result, dispatch, pending] = useActionState(
    (previous: ActionResult | null, data: FormData) => actions[data.get("op") as keyof typeof actions](previous, data),
    null,
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    // Removing cannot be undone; the others can, so they are not asked about.
    if (data.get("op") === "remove" && !window.confirm(`Remove ${email}? This cannot be undone.`)) return;
    startTransition(() => dispatch(data));
  };
  return (
    <form onSubmit={submit} className="user-actions">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={role === "admin" ? "member" : "admin"} />
      <div className="row">
        <button type="submit" name="op" value="role" className="button secondary small" disabled={pending}>
          {role === "admin" ? "Make member" : "Make administrator"}
        </button>
        <button
          type="submit"
          name="op"
          value={disabled ? "enable" : "disable"}
          className="button secondary small"
          disabled={pending}
        >
          {disabled ? "Enable" : "Disable"}
        </button>
        <button type="submit" name="op" value="remove" className="button secondary small" disabled={pending}>
          Remove
        </button>
      </div>
      {result?.error && (
        <div className="alert error" role="alert">
          {firstProblem(result)}
        </div>
      )}
      {result?.ok && result.notice && (
        <div className="alert ok" role="status">
          {result.notice}
        </div>
      )}
    </form>
  );
}
