import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { DatabaseOrTransaction } from "@/lib/db/client";
import { sessions, users } from "@/lib/db/schema";

/** Open: not revoked and not expired. */
const isOpen = () => and(isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`));

/** Opens a session for `userId` that lasts `maxAgeSeconds`; returns its id. */
export async function createSession({
  userId,
  maxAgeSeconds,
}: {
  userId: string;
  maxAgeSeconds: number;
}): Promise<string> {
  const [row] = await getDb()
    .insert(sessions)
    .values({ userId, expiresAt: sql`now() + make_interval(secs => ${maxAgeSeconds})` })
    .returning({ id: sessions.id });
  return row.id;
}

/**
 * The account behind session `id` as it is now, or null when the session is revoked or expired,
 * belongs to another user, or its user was disabled or removed. Read on every request, so a
 * role change or a disabled account takes effect on the next one. `db` may be a transaction.
 */
export async function findOpenSession({
  id,
  userId,
  db = getDb(),
}: {
  id: string;
  userId: string;
  db?: DatabaseOrTransaction;
}): Promise<{ role: "admin" | "member" } | null> {
  const [row] = await db
    .select({ role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isOpen(), isNull(users.disabledAt)));
  return row ?? null;
}

/** Whether session `id` is open for `userId` (see `findOpenSession`). `db` may be a transaction. */
export async function isSessionActive(input: {
  id: string;
  userId: string;
  db?: DatabaseOrTransaction;
}): Promise<boolean> {
  return (await findOpenSession(input)) !== null;
}

/** Ends session `id` (sign-out). */
export async function revokeSession({ id }: { id: string }): Promise<void> {
  await getDb()
    .update(sessions)
    .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/**
 * Ends every open session of `userId` except `keepId` (after a password change, the other
 * browsers sign in again with the new password); returns how many it ended. `db` may be a transaction.
 */
export async function revokeOtherSessions({
  userId,
  keepId,
  db = getDb(),
}: {
  userId: string;
  keepId: string;
  db?: DatabaseOrTransaction;
}): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepId), isOpen()))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Ends every open session of `userId` (the account was disabled); returns how many. `db` may be a transaction. */
export async function revokeAllSessions({
  userId,
  db = getDb(),
}: {
  userId: string;
  db?: DatabaseOrTransaction;
}): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isOpen()))
    .returning({ id: sessions.id });
  return rows.length;
}
