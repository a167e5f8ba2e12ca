import { asc, count, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { runs, users, type User } from "@/lib/db/schema";
import { isSessionActive, revokeOtherSessions } from "./sessions";

/** Serialises first-account creation so two setup forms cannot both create an admin. */
const SETUP_LOCK = 7_126_032;

/** Accounts that can sign in; the command-line account does not count. */
const canSignIn = ne(users.passwordHash, "!");

export async function countUsers(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(users).where(canSignIn);
  return row.n;
}

export async function getUserByEmail({ email }: { email: string }): Promise<User | null> {
  const [row] = await getDb().select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

export async function getUserById({ id }: { id: string }): Promise<User | null> {
  const [row] = await getDb().select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** A row of the administrator's Users page. */
export type UserListing = Pick<User, "id" | "email" | "name" | "role" | "createdAt" | "disabledAt"> & {
  runCount: number;
};

/** Every account that can sign in, oldest first, with how many runs each has started. */
export async function listUsersWithRunCounts(): Promise<UserListing[]> {
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
      runCount: count(runs.id),
    })
    .from(users)
    .leftJoin(runs, eq(runs.userId, users.id))
    .where(canSignIn)
    .groupBy(users.id)
    .orderBy(asc(users.createdAt), asc(users.email));
}

type NewUser = { email: string; name: string; passwordHash: string };

/** Creates the first account as admin; returns null when an account already exists. */
export async function createFirstAdmin(input: NewUser): Promise<User | null> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [{ n }] = await tx.select({ n: count() }).from(users).where(canSignIn);
    if (n > 0) return null;
    const [user] = await tx
      .insert(users)
      .values({ ...input, role: "admin" })
      .returning();
    return user;
  });
}

/** Creates a member account; returns null when the email is taken. */
export async function createMember(input: NewUser): Promise<User | null> {
  const [user] = await getDb()
    .insert(users)
    .values({ ...input, role: "member" })
    .onConflictDoNothing()
    .returning();
  return user ?? null;
}

/** A rollback that carries no error: the change was refused, not broken. */
class SessionEnded extends Error {}

/**
 * Stores a new password hash for `userId` and ends the user's other sessions, all or nothing.
 * Returns how many sessions it ended, or null (and changes nothing) when `keepSessionId`, the
 * session asking, is no longer open.
 */
export async function replacePasswordHash({
  userId,
  passwordHash,
  keepSessionId,
}: {
  userId: string;
  passwordHash: string;
  keepSessionId: string;
}): Promise<number | null> {
  try {
    return await getDb().transaction(async (tx) => {
      // The update locks the user's row first, so of two changes made at once from two sessions
      // the second waits, then finds its session ended by the first and gives up, rather than
      // both going through and each signing the other out.
      await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
      if (!(await isSessionActive({ id: keepSessionId, userId, db: tx }))) throw new SessionEnded();
      return revokeOtherSessions({ userId, keepId: keepSessionId, db: tx });
    });
  } catch (error) {
    if (error instanceof SessionEnded) return null;
    throw error;
  }
}

const CLI_EMAIL = "cli@datamorph.local";

/**
 * The account command-line runs belong to. It cannot sign in ("!" is no bcrypt hash); its runs
 * show to administrators in the web app. `db` picks the database (evaluations run on several).
 */
export async function getOrCreateCliUser({ db = getDb() }: { db?: Database } = {}): Promise<User> {
  const find = async () => (await db.select().from(users).where(sql`lower(${users.email}) = ${CLI_EMAIL}`))[0];
  const existing = await find();
  if (existing) return existing;
  await db
    .insert(users)
    .values({ email: CLI_EMAIL, name: "Command line", passwordHash: "!", role: "member" })
    .onConflictDoNothing();
  return find();
}
