"use client";

import { ActionForm, Field, SubmitButton } from "@/app/_components/form-parts";
import { inviteSignUpAction, signUpAction } from "./actions";

/** The sign-up form: with the access code, or with the invite link's token in place of it. */
export function SignUpForm({ invite }: { invite?: string }) {
  return (
    <ActionForm action={invite ? inviteSignUpAction : signUpAction}>
      {(result, pending) => (
        <>
          {invite ? (
            <input type="hidden" name="invite" value={invite} />
          ) : (
            <Field name="accessCode" label="Access code" autoComplete="off" result={result} />
          )}
          <Field name="name" label="Your name" autoComplete="name" result={result} />
          <Field name="email" label="Email" type="email" autoComplete="email" result={result} />
          <Field
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            result={result}
            hint="At least 10 characters."
          />
          <SubmitButton pending={pending} pendingLabel="Creating account…">
            Create account
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
