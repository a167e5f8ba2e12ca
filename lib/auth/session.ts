import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { auth } from "./index";

export type SessionUser = { id: string; email: string; name: string; role: "admin" | "member" };

/**
 * The session, or null. Each check asks the database whether the session is still open (see
 * `lib/auth/index.ts`); `cache` makes that one query per render, however many components ask.
 */
const getSession = cache(() => auth());

/** The signed-in user, or null. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getSession();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role };
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For route handlers and actions: the signed-in user, or an `unauthorized` AppError. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}

/** For actions: the id of the signed-in session (a row of datamorph.sessions), or an `unauthorized` AppError. */
export async function requireSessionId(): Promise<string> {
  const id = (await getSession())?.sessionId;
  if (!id) throw new AppError("unauthorized", "Sign in to continue.");
  return id;
}
