import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface User {
    role?: "admin" | "member";
  }
  interface Session {
    user: { id: string; role: "admin" | "member" } & DefaultSession["user"];
    /** The row of datamorph.sessions behind this session. */
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: "admin" | "member";
    /** The row of datamorph.sessions this token belongs to. */
    sid?: string;
  }
}
