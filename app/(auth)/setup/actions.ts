"use server";

import { signIn } from "@/lib/auth";
import { newAccountSchema } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { createFirstAdmin } from "@/lib/db/queries/users";
import { publicAction } from "@/lib/server/action";

export const setupAction = publicAction("setup", newAccountSchema, async ({ name, email, password }) => {
  const user = await createFirstAdmin({ name, email, passwordHash: await hashPassword(password) });
  if (!user) return { ok: false, error: "Setup is already complete. Sign in with your account instead." };
  await signIn("credentials", { email, password, redirectTo: "/" });
  return { ok: true };
});
