import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { invites, users, type Invite, type User } from "@/lib/db/schema";

/** Not used yet and not expired. */
const isOpen = () => and(isNull(invites.usedAt), gt(invites.expiresAt, sql`now()`));

/** Stores a new invite by the hash of its token; it expires `validForSeconds` from now. */
export async function createInvite({
  tokenHash,
  role,
  createdBy,
  validForSeconds,
}: {
  tokenHash: string;
  role: User["role"];
  createdBy: string;
  validForSeconds: number;
}): Promise<Invite> {
  const [invite] = await getDb()
    .insert(invites)
    .values({ tokenHash, role, createdBy, expiresAt: sql`now() + make_interval(secs => ${validForSeconds})` })
    .returning();
  return invite;
}

/** An invite still waiting for its person, as the Users page lists it. */
export type OpenInvite = Pick<Invite, "id" | "role" | "createdAt" | "expiresAt"> & { createdByEmail: string | null };

/** Invites not used yet and not expired, oldest first. */
export async function listOpenInvites(): Promise<OpenInvite[]> {
  return getDb()
    .select({
      id: invites.id,
      role: invites.role,
      createdAt: invites.createdAt,
      expiresAt: invites.expiresAt,
      createdByEmail: users.email,
    })
    .from(invites)
    .leftJoin(users, eq(users.id, invites.createdBy))
    .where(isOpen())
    .orderBy(asc(invites.createdAt));
}

/** Deletes invite `id` if nobody has used it yet, so its link stops working; returns whether it did. */
export async function withdrawInvite({ id }: { id: string }): Promise<boolean> {
  const rows = await getDb()
    .delete(invites)
    .where(and(eq(invites.id, id), isNull(invites.usedAt)))
    .returning({ id: invites.id });
  return rows.length > 0;
}

/** The invite whose token hashes to `tokenHash`, used or not, or null. */
export async function findInviteByTokenHash({ tokenHash }: { tokenHash: string }): Promise<Invite | null> {
  const [invite] = await getDb().select().from(invites).where(eq(invites.tokenHash, tokenHash));
  return invite ?? null;
}

/** Why an invite did not create an account, or the account it created. */
export type InviteSignUpOutcome =
  | { status: "created"; user: User }
  | { status: "unknown" | "used" | "expired" | "email-taken" };

/**
 * Creates an account with the role of the invite whose token hashes to `tokenHash` and marks the
 * invite used by it, all or nothing. The invite's row is locked first, so of two sign-ups with one
 * link at once, the second waits and then finds it used.
 */
export async function createUserFromInvite({
  tokenHash,
  account,
}: {
  tokenHash: string;
  account: { email: string; name: string; passwordHash: string };
}): Promise<InviteSignUpOutcome> {
  return getDb().transaction(async (tx) => {
    const [invite] = await tx
      .select({
        id: invites.id,
        role: invites.role,
        usedAt: invites.usedAt,
        expired: sql<boolean>`${invites.expiresAt} <= now()`,
      })
      .from(invites)
      .where(eq(invites.tokenHash, tokenHash))
      .for("update");
    if (!invite) return { status: "unknown" };
    if (invite.usedAt) return { status: "used" };
    if (invite.expired) return { status: "expired" };
    const [user] = await tx
      .insert(users)
      .values({ ...account, role: invite.role })
      .onConflictDoNothing()
      .returning();
    if (!user) return { status: "email-taken" }; // nothing was written: the invite stays unused
    await tx
      .update(invites)
      .set({ usedAt: sql`now()`, usedBy: user.id, updatedAt: sql`now()` })
      .where(eq(invites.id, invite.id));
    return { status: "created", user };
  });
}
