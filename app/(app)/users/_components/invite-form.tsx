"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { CopyButton } from "@/app/_components/copy-button";
import { firstProblem } from "@/app/_components/form-parts";
import { createInviteAction } from "../actions";

/** Makes an invite link and shows it once, ready to copy. */
export function InviteForm() {
  const [result, dispatch, pending] = useActionState(createInviteAction, null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  const link =
    result && "invitePath" in result && result.invitePath
      ? new URL(result.invitePath, window.location.href).toString()
      : null;
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <div className="row invite-role">
        <div>
          <label htmlFor="invite-role">Role of the new account</label>
          <select id="invite-role" name="role" defaultValue="member">
            <option value="member">member</option>
            <option value="admin">administrator</option>
          </select>
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Creating link…" : "Create invite link"}
        </button>
      </div>
      {result?.error && (
        <div className="alert error" role="alert">
          {firstProblem(result)}
        </div>
      )}
      {result?.ok && link && (
        <div className="stack invite-link" data-testid="invite-link">
          <div className="alert ok" role="status">
            {result.notice}
          </div>
          <div>
            <label htmlFor="invite-url">Invite link</label>
            <div className="row">
              <input id="invite-url" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
              <CopyButton text={link} label="Copy link" />
            </div>
          </div>
        </div>
      )}
    </form>
  );
}
