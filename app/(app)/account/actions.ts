"use server";

import { headers } from "next/headers";
import { tooManyAttemptsMessage } from "@/lib/auth/attempt-limits";
import { changePassword } from "@/lib/auth/change-password";
import { passwordChangeSchema } from "@/lib/auth/credentials";
import { requireSessionId } from "@/lib/auth/session";
import { clientAddress } from "@/lib/http/client-address";
import { userAction, type ActionResult } from "@/lib/server/action";

const sessionsEnded = (n: number) =>
  n === 0
    ? "You had no other sessions open."
    : `${n} other ${n === 1 ? "session was" : "sessions were"} signed out; sign in there with the new password.`;

export const changePasswordAction = userAction(
  "change password",
  passwordChangeSchema,
  async ({ currentPassword, newPassword }, user): Promise<ActionResult> => {
    const outcome = await changePassword({
      userId: user.id,
      sessionId: await requireSessionId(),
      address: clientAddress(await headers()),
      currentPassword,
      newPassword,
    });
    switch (outcome.status) {
      case "changed":
        return {
          ok: true,
          notice: `Password changed. You stay signed in here. ${sessionsEnded(outcome.otherSessionsEnded)}`,
        };
      case "wrong-password":
        return {
          ok: false,
          error: "That is not your current password.",
          fieldErrors: {
            currentPassword: "That is not your current password; type it again. Your password was not changed.",
          },
        };
      case "too-many-attempts":
        return { ok: false, error: `${tooManyAttemptsMessage(outcome.minutes)} Your password was not changed.` };
      case "session-ended":
        return {
          ok: false,
          error:
            "This session was signed out (the password was changed from another session), so nothing was changed. Sign in again.",
        };
    }
  },
);
