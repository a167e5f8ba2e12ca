"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { tooManyAttemptsMessage } from "@/lib/auth/attempt-limits";
import { AccountDisabled, TooManyAttempts } from "@/lib/auth/authorize";
import { signInSchema } from "@/lib/auth/credentials";
import { publicAction } from "@/lib/server/action";
import { safeCallbackUrl } from "@/lib/server/callback-url";

const schema = signInSchema.extend({ callbackUrl: z.string().max(2048).optional() });

export const signInAction = publicAction("sign-in", schema, async ({ email, password, callbackUrl }) => {
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
    return { ok: true };
  } catch (error) {
    if (error instanceof TooManyAttempts) return { ok: false, error: tooManyAttemptsMessage(error.minutes) };
    if (error instanceof AccountDisabled)
      return { ok: false, error: "This account has been disabled. Ask an administrator to enable it again." };
    if (error instanceof AuthError) return { ok: false, error: "Wrong email or password." };
    throw error;
  }
});
