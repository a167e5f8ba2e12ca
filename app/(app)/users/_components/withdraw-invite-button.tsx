"use client";

import { firstProblem } from "@/app/_components/form-parts";
import { startTransition, useActionState, type FormEvent } from "react";
import { withdrawInviteAction } from "../actions";

/** Makes one unused invite link stop working. */
export function WithdrawInviteButton({ inviteId }: { inviteId: string }) {
  const [result, dispatch, pending] = useActionState(withdrawInviteAction, null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return (
    <form onSubmit={submit}>
      <input type="hidden" name="inviteId" value={inviteId} />
      <button type="submit" className="button secondary small" disabled={pending}>
        Withdraw
      </button>
      {result?.error && (
        <div className="alert error" role="alert">
          {firstProblem(result)}
        </div>
      )}
    </form>
  );
}
