import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { DatabaseOrTransaction } from "@/lib/db/client";
import { sessions } from "@/lib/db/schema";

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

/** Whether session `id` belongs to `userId`, is not revoked and has not expired. `db` may be a transaction. */
export async function isSessionActive({
  id,
  userId,
  db = getDb(),
}: {
  id: string;
  userId: string;
  db?: DatabaseOrTransaction;
}): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isOpen()));
  return row !== undefined;
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
