"use client";

import { useActionState } from "react";
import { Field, FormAlert, SubmitButton } from "@/app/_components/form-parts";
import { setupAction } from "./actions";

export function SetupForm() {
  const [result, action] = useActionState(setupAction, null);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert result={result} />
      <Field name="name" label="Your name" autoComplete="name" result={result} />
      <Field name="email" label="Email" type="email" autoComplete="email" result={result} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" result={result} hint="At least 10 characters." />
      <SubmitButton pendingLabel="Creating account…">Create admin account</SubmitButton>
    </form>
  );
}
