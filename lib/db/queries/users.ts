import { count, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users, type User } from "@/lib/db/schema";

/** Serialises first-account creation so two setup forms cannot both create an admin. */
const SETUP_LOCK = 7_126_032;

export async function countUsers(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(users);
  return row.n;
}

export async function getUserByEmail({ email }: { email: string }): Promise<User | null> {
  const [row] = await getDb()
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

export async function getUserById({ id }: { id: string }): Promise<User | null> {
  const [row] = await getDb().select().from(users).where(eq(users.id, id));
  return row ?? null;
}

type NewUser = { email: string; name: string; passwordHash: string };

/** Creates the first account as admin; returns null when an account already exists. */
export async function createFirstAdmin(input: NewUser): Promise<User | null> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [{ n }] = await tx.select({ n: count() }).from(users);
    if (n > 0) return null;
    const [user] = await tx.insert(users).values({ ...input, role: "admin" }).returning();
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
