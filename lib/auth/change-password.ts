import { getUserById, replacePasswordHash } from "@/lib/db/queries/users";
import { escapeControlCharacters } from "@/lib/log/safe-log";
import { reserveAttempt, signInAttempts } from "./attempt-limits";
import { hashPassword, verifyPassword } from "./password";

/** What a password change came to. */
export type PasswordChangeOutcome =
  | { status: "changed"; otherSessionsEnded: number }
  | { status: "wrong-password" }
  | { status: "too-many-attempts"; minutes: number }
  | { status: "session-ended" };

export type PasswordChange = {
  userId: string;
  /** The session asking: it stays signed in, every other session of the user is ended. */
  sessionId: string;
  /** The client address, for the per-address limit. */
  address: string;
  currentPassword: string;
  /** Already checked against `newPasswordSchema`. */
  newPassword: string;
};

/**
 * Changes a signed-in user's password. The current password is checked under the sign-in limits
 * and a wrong one counts as a failed sign-in of the account: otherwise a borrowed or stolen
 * session would be a way to guess the password without limit. On success the user's other
 * sessions end, so whoever knew the old password and signed in with it is signed out too.
 */
export async function changePassword({
  userId,
  sessionId,
  address,
  currentPassword,
  newPassword,
}: PasswordChange): Promise<PasswordChangeOutcome> {
  const user = await getUserById({ id: userId });
  if (!user) return { status: "session-ended" };
  const attempt = await reserveAttempt(signInAttempts({ email: user.email, address }));
  if (attempt.minutes > 0) {
    console.warn(
      escapeControlCharacters(
        `[auth] password change refused for ${user.email} from ${address}: too many failed attempts`,
      ),
    );
    return { status: "too-many-attempts", minutes: attempt.minutes };
  }
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    console.warn(
      escapeControlCharacters(
        `[auth] password change refused for ${user.email} from ${address}: wrong current password`,
      ),
    );
    return { status: "wrong-password" };
  }
  await attempt.cancel(); // the right password is no failure
  const ended = await replacePasswordHash({
    userId,
    passwordHash: await hashPassword(newPassword),
    keepSessionId: sessionId,
  });
  if (ended === null) return { status: "session-ended" };
  console.info(
    escapeControlCharacters(
      `[auth] password changed for ${user.email} from ${address}; ${ended} other session(s) ended`,
    ),
  );
  return { status: "changed", otherSessionsEnded: ended };
}
