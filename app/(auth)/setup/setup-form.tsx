"use client";

import { ActionForm, Field, SubmitButton } from "@/app/_components/form-parts";
import { setupAction } from "./actions";

export function SetupForm() {
  return (
    <ActionForm action={setupAction}>
      {(result, pending) => (
        <>
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
            Create admin account
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
