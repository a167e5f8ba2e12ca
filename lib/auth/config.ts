import type { NextAuthConfig } from "next-auth";

/** Pages anyone may open; everything else needs a session. */
export const publicPaths = ["/", "/sign-in", "/sign-up", "/setup"];

/** Auth.js names its session cookie so (with a `__Secure-` prefix over HTTPS, `.0`, `.1`… when chunked). */
export const hasSessionCookie = (names: string[]) =>
  names.some((name) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name));

/** The part of the auth configuration that needs no database. */
export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.role = token.role === "admin" ? "admin" : "member";
      // A password change keeps this session and ends the others, so it must know which is which.
      // The id opens nothing by itself (the signed token does), so the client may see it.
      if (token.sid) session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
