"use client";

import { ActionForm, Field, SubmitButton } from "@/app/_components/form-parts";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  return (
    <ActionForm action={signInAction}>
      {(result, pending) => (
        <>
          <Field name="email" label="Email" type="email" autoComplete="email" result={result} />
          <Field name="password" label="Password" type="password" autoComplete="current-password" result={result} />
          {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
          <SubmitButton pending={pending} pendingLabel="Signing in…">
            Sign in
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
