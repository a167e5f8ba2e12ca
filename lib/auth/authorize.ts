import "server-only";
import { CredentialsSignin, type User } from "next-auth";
import { getUserByEmail } from "@/lib/db/queries/users";
import { clientAddress } from "@/lib/http/client-address";
import { reserveAttempt, signInAttempts } from "./attempt-limits";
import { signInSchema } from "./credentials";
import { DUMMY_HASH, verifyPassword } from "./password";
import { escapeControlCharacters } from "@/lib/log/safe-log";

/** A sign-in refused before the password is checked, because of too many recent failures. */
export class TooManyAttempts extends CredentialsSignin {
  override code = "too_many_attempts";
  constructor(readonly minutes: number) {
    super();
  }
}

/** A sign-in with the right password to an account an administrator has disabled. */
export class AccountDisabled extends CredentialsSignin {
  override code = "account_disabled";
}

/**
 * Checks an email and password for Auth.js's credentials provider. Every entry (the sign-in form
 * and Auth.js's own callback endpoint) comes through here, so the rate limits cannot be skipped.
 * A wrong password is an expected outcome: one log line, no stack trace.
 */
export async function authorizeCredentials(raw: unknown, request: Request): Promise<User | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = clientAddress(request.headers);
  const attempt = await reserveAttempt(signInAttempts({ email, address }));
  if (attempt.minutes > 0) {
    console.warn(
      escapeControlCharacters(`[auth] sign-in refused for ${email} from ${address}: too many failed attempts`),
    );
    throw new TooManyAttempts(attempt.minutes);
  }
  const user = await getUserByEmail({ email });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    console.warn(
      escapeControlCharacters(`[auth] sign-in failed for ${email} from ${address}: wrong email or password`),
    );
    return null;
  }
  await attempt.cancel(); // the right password is no failure
  // Said only after the password is checked, so it tells nothing to someone guessing.
  if (user.disabledAt) {
    console.warn(escapeControlCharacters(`[auth] sign-in refused for ${email} from ${address}: account disabled`));
    throw new AccountDisabled();
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
