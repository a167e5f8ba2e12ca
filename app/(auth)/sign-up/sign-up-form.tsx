"use client";

import { ActionForm, Field, SubmitButton } from "@/app/_components/form-parts";
import { signUpAction } from "./actions";

export function SignUpForm() {
  return (
    <ActionForm action={signUpAction}>
      {(result, pending) => (
        <>
          <Field name="accessCode" label="Access code" autoComplete="off" result={result} />
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
