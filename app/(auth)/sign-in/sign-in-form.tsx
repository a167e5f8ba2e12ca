"use client";

import { useActionState } from "react";
import { Field, FormAlert, SubmitButton } from "@/app/_components/form-parts";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [result, action] = useActionState(signInAction, null);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert result={result} />
      <Field name="email" label="Email" type="email" autoComplete="email" result={result} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" result={result} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
