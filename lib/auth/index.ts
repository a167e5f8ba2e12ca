import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getUserByEmail } from "@/lib/db/queries/users";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log/safe-log";
import { authConfig } from "./config";
import { signInSchema } from "./credentials";
import { DUMMY_HASH, verifyPassword } from "./password";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: getEnv().authSecret,
  logger: {
    // A wrong password is an expected outcome, answered on the form; it is not a server error.
    error(error) {
      if (error.name !== "CredentialsSignin") logError("auth", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await getUserByEmail({ email: parsed.data.email });
        const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !valid) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
});
