import "server-only";
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { createSession, findOpenSession, revokeSession } from "@/lib/db/queries/sessions";
import { getEnv } from "@/lib/env";
import { escapeControlCharacters, logError } from "@/lib/log/safe-log";
import { authorizeCredentials } from "./authorize";
import { authConfig } from "./config";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: getEnv().authSecret,
  logger: {
    // A refused sign-in is an expected outcome, logged in one line by `authorizeCredentials`;
    // other refusals (a missing CSRF token) take one line too. Failures with a cause keep its stack.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      const cause = (error.cause as { err?: unknown } | undefined)?.err;
      if (error instanceof AuthError && !cause) console.warn(`[auth] ${escapeControlCharacters(error.message)}`);
      else logError("auth", cause ?? error);
    },
  },
  providers: [Credentials({ credentials: { email: {}, password: {} }, authorize: authorizeCredentials })],
  callbacks: {
    ...authConfig.callbacks,
    // The token names a row of datamorph.sessions: a sign-in opens one, and every read of the
    // session checks it is still open and its account enabled, so a revoked or copied-after-sign-out
    // token, or one of a disabled account, is refused. The role is read afresh for the same reason:
    // an administrator's change to it holds from the user's next request, not their next sign-in.
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user && token.sub) {
        token.sid = await createSession({ userId: token.sub, maxAgeSeconds: authConfig.session.maxAge });
        return token;
      }
      if (!token.sid || !token.sub) return null;
      const open = await findOpenSession({ id: token.sid, userId: token.sub });
      if (!open) return null;
      token.role = open.role;
      return token;
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message && message.token?.sid) await revokeSession({ id: message.token.sid });
    },
  },
});
