"use client";

import { ActionForm, Field, SubmitButton } from "@/app/_components/form-parts";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  return (
    <ActionForm action={changePasswordAction}>
      {(result, pending) => (
        <>
          <Field
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            result={result}
          />
          <Field
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            result={result}
            hint="At least 10 characters, different from the current one."
          />
          <Field
            name="confirmPassword"
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            result={result}
          />
          <div>
            <SubmitButton pending={pending} pendingLabel="Changing password…">
              Change password
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
