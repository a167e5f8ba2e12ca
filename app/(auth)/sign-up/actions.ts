"use server";

import { z } from "zod";
import { signIn } from "@/lib/auth";
import { accessCodeMatches } from "@/lib/auth/access-code";
import { newAccountSchema } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { createMember } from "@/lib/db/queries/users";
import { getEnv } from "@/lib/env";
import { plainText } from "@/lib/input/plain-text";
import { publicAction } from "@/lib/server/action";

const schema = newAccountSchema.extend({ accessCode: z.string().superRefine(plainText("access code")).trim().min(1, "Enter the access code.").max(200) });

export const signUpAction = publicAction("sign-up", schema, async ({ name, email, password, accessCode }) => {
  const expected = getEnv().accessCode;
  if (!expected) return { ok: false, error: "Sign-up is closed here. Ask your administrator for an account." };
  if (!accessCodeMatches(accessCode, expected)) return { ok: false, error: "That access code is not valid.", fieldErrors: { accessCode: "That access code is not valid." } };
  const user = await createMember({ name, email, passwordHash: await hashPassword(password) });
  if (!user) return { ok: false, error: "An account with this email already exists. Sign in instead." };
  await signIn("credentials", { email, password, redirectTo: "/" });
  return { ok: true };
});
