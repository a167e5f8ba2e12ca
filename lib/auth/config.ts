import type { NextAuthConfig } from "next-auth";

/** Pages anyone may open; everything else needs a session. */
const publicPaths = ["/", "/sign-in", "/sign-up", "/setup"];

/**
 * The part of the auth configuration that needs no database, shared by the proxy and the full
 * `auth` export. The proxy only redirects; pages, handlers and actions check the session again.
 */
export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      if (pathname.startsWith("/api/") || publicPaths.includes(pathname)) return true;
      return Boolean(auth?.user);
    },
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
      return session;
    },
  },
} satisfies NextAuthConfig;
