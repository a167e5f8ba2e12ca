import { and, count, eq, isNull, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { DatabaseOrTransaction } from "@/lib/db/client";
import { pipelines, runs, uploads, users, type User } from "@/lib/db/schema";
import { revokeAllSessions } from "./sessions";

/** Serialises every change that can take away an administrator, so two at once cannot remove the last one. */
const ADMIN_CHANGE_LOCK = 7_126_033;

/** What a user's runs, pipelines and uploads hold on to; a user who has any is kept, not removed. */
export type UserWork = { runs: number; pipelines: number; uploads: number };

/** What an administrator's change to a user came to. */
export type UserChangeOutcome =
  | { status: "done"; user: User; sessionsEnded: number }
  | { status: "not-found" }
  | { status: "last-admin" }
  | { status: "has-work"; work: UserWork };

type Tx = DatabaseOrTransaction;

/** The command-line account cannot sign in and is nobody to manage. */
const manageable = ne(users.passwordHash, "!");

async function lockedUser(tx: Tx, userId: string): Promise<User | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK})`);
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), manageable))
    .for("update");
  return user;
}

/** Whether `user` is the only administrator who can still sign in. */
async function isLastActiveAdmin(tx: Tx, user: User): Promise<boolean> {
  if (user.role !== "admin" || user.disabledAt) return false;
  const [{ n }] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), manageable));
  return n <= 1;
}

/**
 * Runs `change` on user `userId` under the administrators' lock, refusing it when the user is the
 * last active administrator and `takesAdmin` says the change would end that.
 */
function changeUser(
  userId: string,
  takesAdmin: (user: User) => boolean,
  change: (tx: Tx, user: User) => Promise<UserChangeOutcome>,
): Promise<UserChangeOutcome> {
  return getDb().transaction(async (tx) => {
    const user = await lockedUser(tx, userId);
    if (!user) return { status: "not-found" };
    if (takesAdmin(user) && (await isLastActiveAdmin(tx, user))) return { status: "last-admin" };
    return change(tx, user);
  });
}

const updated = async (tx: Tx, userId: string, values: Partial<User>, sessionsEnded = 0) => {
  const [user] = await tx
    .update(users)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning();
  return { status: "done", user, sessionsEnded } as const;
};

/** Makes user `userId` an administrator or a member; never demotes the last active administrator. */
export function changeUserRole({ userId, role }: { userId: string; role: User["role"] }): Promise<UserChangeOutcome> {
  return changeUser(
    userId,
    () => role !== "admin",
    (tx) => updated(tx, userId, { role }),
  );
}

/**
 * Disables user `userId` and ends all of their sessions at once, in one transaction; never the last
 * active administrator. Disabling an account that already is changes nothing.
 */
export function disableUser({ userId }: { userId: string }): Promise<UserChangeOutcome> {
  return changeUser(
    userId,
    () => true,
    async (tx, user) => {
      const ended = await revokeAllSessions({ userId, db: tx });
      return updated(tx, userId, { disabledAt: user.disabledAt ?? new Date() }, ended);
    },
  );
}

/** Lets a disabled user `userId` sign in again. */
export function enableUser({ userId }: { userId: string }): Promise<UserChangeOutcome> {
  return changeUser(
    userId,
    () => false,
    (tx) => updated(tx, userId, { disabledAt: null }),
  );
}

async function workOf(tx: Tx, userId: string): Promise<UserWork> {
  const [[run], [pipeline], [upload]] = await Promise.all([
    tx
      .select({ n: count() })
      .from(runs)
      .where(or(eq(runs.userId, userId), eq(runs.triggeredBy, userId), eq(runs.rolledBackBy, userId))),
    tx.select({ n: count() }).from(pipelines).where(eq(pipelines.userId, userId)),
    tx.select({ n: count() }).from(uploads).where(eq(uploads.userId, userId)),
  ]);
  return { runs: run.n, pipelines: pipeline.n, uploads: upload.n };
}

const isForeignKeyViolation = (error: unknown) =>
  ((error as { cause?: { code?: string } })?.cause ?? (error as { code?: string }))?.code === "23503";

/**
 * Removes user `userId` (their sessions go with them; invites, models and notes they wrote keep
 * their rows without an author). A user whose runs, pipelines or uploads record them is kept, so
 * no history loses its owner: that is refused with what they hold, as is the last active administrator.
 */
export async function removeUser({ userId }: { userId: string }): Promise<UserChangeOutcome> {
  try {
    return await changeUser(
      userId,
      () => true,
      async (tx, user) => {
        const work = await workOf(tx, userId);
        if (work.runs + work.pipelines + work.uploads > 0) return { status: "has-work", work };
        await tx.delete(users).where(eq(users.id, userId));
        return { status: "done", user, sessionsEnded: 0 };
      },
    );
  } catch (error) {
    // A table added later that refers to users, and that `workOf` does not count yet.
    if (isForeignKeyViolation(error)) return { status: "has-work", work: await workOf(getDb(), userId) };
    throw error;
  }
}
