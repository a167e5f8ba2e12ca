import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { sessions } from "@/lib/db/schema";

/** Opens a session for `userId` that lasts `maxAgeSeconds`; returns its id. */
export async function createSession({ userId, maxAgeSeconds }: { userId: string; maxAgeSeconds: number }): Promise<string> {
  const [row] = await getDb()
    .insert(sessions)
    .values({ userId, expiresAt: sql`now() + make_interval(secs => ${maxAgeSeconds})` })
    .returning({ id: sessions.id });
  return row.id;
}

/** Whether session `id` belongs to `userId`, is not revoked and has not expired. */
export async function isSessionActive({ id, userId }: { id: string; userId: string }): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)));
  return row !== undefined;
}

/** Ends session `id` (sign-out). */
export async function revokeSession({ id }: { id: string }): Promise<void> {
  await getDb()
    .update(sessions)
    .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}
