"use client";

import { useActionState } from "react";
import { Field, FormAlert, SubmitButton } from "@/app/_components/form-parts";
import { signUpAction } from "./actions";

export function SignUpForm() {
  const [result, action] = useActionState(signUpAction, null);
  return (
    <form action={action} className="stack" noValidate>
      <FormAlert result={result} />
      <Field name="accessCode" label="Access code" autoComplete="off" result={result} />
      <Field name="name" label="Your name" autoComplete="name" result={result} />
      <Field name="email" label="Email" type="email" autoComplete="email" result={result} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" result={result} hint="At least 10 characters." />
      <SubmitButton pendingLabel="Creating account…">Create account</SubmitButton>
    </form>
  );
}
