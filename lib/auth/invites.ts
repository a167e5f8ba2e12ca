import { createInvite, createUserFromInvite, findInviteByTokenHash } from "@/lib/db/queries/invites";
import type { User } from "@/lib/db/schema";
import { escapeControlCharacters } from "@/lib/log/safe-log";
import { countAttempts, inviteAttempts, minutesUntilAllowed, reserveAttempt, signUpAttempts } from "./attempt-limits";
import { createInviteToken, hashInviteToken, INVITE_VALID_DAYS, inviteTokenSchema } from "./invite-token";
import { hashPassword } from "./password";

/**
 * Makes a one-time invite link for `role`, valid for `INVITE_VALID_DAYS`. The token is returned
 * once, to be shown once; the database keeps only its hash.
 */
export async function issueInvite({ role, createdBy }: { role: User["role"]; createdBy: string }) {
  const token = createInviteToken();
  const invite = await createInvite({
    tokenHash: hashInviteToken(token),
    role,
    createdBy,
    validForSeconds: INVITE_VALID_DAYS * 24 * 60 * 60,
  });
  return { token, invite };
}

/** What the sign-up page can say about an invite link before anyone fills the form. */
export type InviteState =
  | { status: "open"; role: User["role"]; expiresAt: Date }
  | { status: "unknown" | "used" | "expired" };

/** What the sign-up page and form say about a link that opens nothing. */
export const INVITE_REFUSALS = {
  unknown: "This invite link is not valid. Check that you copied all of it, or ask your administrator for a new one.",
  used: "This invite link has already been used; each link creates one account. Ask your administrator for a new one.",
  expired: "This invite link has expired. Ask your administrator for a new one.",
} as const;

/** Whether `token` opens sign-up, and for which role. */
export async function readInvite(token: string): Promise<InviteState> {
  if (!inviteTokenSchema.safeParse(token).success) return { status: "unknown" };
  const invite = await findInviteByTokenHash({ tokenHash: hashInviteToken(token) });
  if (!invite) return { status: "unknown" };
  if (invite.usedAt) return { status: "used" };
  if (invite.expiresAt <= new Date()) return { status: "expired" };
  return { status: "open", role: invite.role, expiresAt: invite.expiresAt };
}

export type InviteSignUp = { token: string; name: string; email: string; password: string; address: string };

export type InviteSignUpResult =
  | { status: "created"; user: User }
  | { status: "unknown" | "used" | "expired" | "email-taken" }
  | { status: "too-many-attempts"; minutes: number };

/**
 * Creates an account from an invite link, with the invite's role, instead of the access code.
 * Counted like sign-up with a code: accounts created per address, and links that open nothing per
 * address. The invite is used up in the same transaction that creates the account.
 */
export async function signUpWithInvite({
  token,
  name,
  email,
  password,
  address,
}: InviteSignUp): Promise<InviteSignUpResult> {
  const signUps = signUpAttempts({ address });
  const waitForSignUp = await minutesUntilAllowed(signUps);
  if (waitForSignUp > 0) return { status: "too-many-attempts", minutes: waitForSignUp };
  const attempt = await reserveAttempt(inviteAttempts({ address }));
  if (attempt.minutes > 0) return { status: "too-many-attempts", minutes: attempt.minutes };
  // A link that opens nothing is refused before the password is hashed: bcrypt is the costly step.
  // The transaction below checks the invite again, under a lock, for a use made meanwhile.
  const state = await readInvite(token);
  const outcome =
    state.status !== "open"
      ? state
      : await createUserFromInvite({
          tokenHash: hashInviteToken(token),
          account: { name, email, passwordHash: await hashPassword(password) },
        });
  if (outcome.status === "unknown" || outcome.status === "used" || outcome.status === "expired") {
    console.warn(
      escapeControlCharacters(`[auth] sign-up refused for ${email} from ${address}: invite ${outcome.status}`),
    );
    return outcome;
  }
  await attempt.cancel(); // a working link is no failure, even when the email is taken
  if (outcome.status === "created") {
    await countAttempts(signUps);
    console.info(
      escapeControlCharacters(`[auth] ${email} signed up from ${address} with an invite (${outcome.user.role})`),
    );
  }
  return outcome;
}
