"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { accessCodeMatches } from "@/lib/auth/access-code";
import {
  accessCodeAttempts,
  countAttempts,
  minutesUntilAllowed,
  reserveAttempt,
  signUpAttempts,
  tooManyAttemptsMessage,
} from "@/lib/auth/attempt-limits";
import { newAccountSchema } from "@/lib/auth/credentials";
import { INVITE_REFUSALS, signUpWithInvite } from "@/lib/auth/invites";
import { hashPassword } from "@/lib/auth/password";
import { createMember } from "@/lib/db/queries/users";
import { getEnv } from "@/lib/env";
import { plainText } from "@/lib/input/plain-text";
import { clientAddress } from "@/lib/http/client-address";
import { publicAction } from "@/lib/server/action";

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

const schema = newAccountSchema.extend({
  accessCode: z.string().superRefine(plainText("access code")).trim().min(1, "Enter the access code.").max(200),
});

export const signUpAction = publicAction("sign-up", schema, async ({ name, email, password, accessCode }) => {
  const expected = getEnv().accessCode;
  if (!expected) return { ok: false, error: "Sign-up is closed here. Ask your administrator for an account." };
  const address = clientAddress(await headers());
  const signUps = signUpAttempts({ address });
  const waitForSignUp = await minutesUntilAllowed(signUps);
  if (waitForSignUp > 0) return { ok: false, error: tooManyAttemptsMessage(waitForSignUp) };
  const attempt = await reserveAttempt(accessCodeAttempts({ email, address }));
  if (attempt.minutes > 0) return { ok: false, error: tooManyAttemptsMessage(attempt.minutes) };
  if (!accessCodeMatches(accessCode, expected)) {
    console.warn(`[auth] sign-up refused for ${email} from ${address}: wrong access code`);
    return {
      ok: false,
      error: "That access code is not valid.",
      fieldErrors: { accessCode: "That access code is not valid." },
    };
  }
  await attempt.cancel();
  await countAttempts(signUps);
  const user = await createMember({ name, email, passwordHash: await hashPassword(password) });
  if (!user) return { ok: false, error: EMAIL_TAKEN };
  await signIn("credentials", { email, password, redirectTo: "/" });
  return { ok: true };
});

const inviteSchema = newAccountSchema.extend({ invite: z.string().max(200) });

// An invite link stands in for the access code, so it works even where sign-up is closed.
export const inviteSignUpAction = publicAction("sign-up with invite", inviteSchema, async ({ invite, ...account }) => {
  const outcome = await signUpWithInvite({ token: invite, ...account, address: clientAddress(await headers()) });
  switch (outcome.status) {
    case "created":
      await signIn("credentials", { email: account.email, password: account.password, redirectTo: "/" });
      return { ok: true };
    case "email-taken":
      return { ok: false, error: EMAIL_TAKEN };
    case "too-many-attempts":
      return { ok: false, error: tooManyAttemptsMessage(outcome.minutes) };
    default:
      return { ok: false, error: INVITE_REFUSALS[outcome.status] };
  }
});
