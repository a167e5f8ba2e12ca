import { deleteRateLimitHits, getRateLimitWait, recordRateLimitHits } from "@/lib/db/queries/rate-limits";

/** At most `max` counted attempts per key in any `windowMinutes`. */
export type AttemptLimit = { scope: string; max: number; windowMinutes: number };

// Per account: slow enough that guessing one password takes years, loose enough that a user who
// mistypes a few times is not locked out. Anyone can lock an account out for 15 minutes with 10
// wrong passwords; that is accepted by design, as the price of stopping guessing spread over many
// addresses. The owner is not blocked by someone else's per-address limit.
export const SIGN_IN_FAILURES_PER_ACCOUNT: AttemptLimit = { scope: "sign-in:account", max: 10, windowMinutes: 15 };
// Per address: many people may share one address (an office, a VPN).
export const SIGN_IN_FAILURES_PER_ADDRESS: AttemptLimit = { scope: "sign-in:address", max: 50, windowMinutes: 15 };
// The access code is one shared secret: guesses are counted per email tried and per address.
export const ACCESS_CODE_FAILURES_PER_ACCOUNT: AttemptLimit = {
  scope: "access-code:account",
  max: 5,
  windowMinutes: 15,
};
export const ACCESS_CODE_FAILURES_PER_ADDRESS: AttemptLimit = {
  scope: "access-code:address",
  max: 20,
  windowMinutes: 15,
};
// Invite links that were unknown, used or expired, per address: a token cannot be guessed, but
// one address trying many is someone trying.
export const INVITE_FAILURES_PER_ADDRESS: AttemptLimit = { scope: "invite:address", max: 20, windowMinutes: 15 };
// Accounts created (with the right code or an invite) from one address.
export const SIGN_UPS_PER_ADDRESS: AttemptLimit = { scope: "sign-up:address", max: 20, windowMinutes: 60 };

/** A limit applied to one key (an email or a client address). */
export type CountedAttempt = { limit: AttemptLimit; key: string };

const bucketOf = ({ limit, key }: CountedAttempt) => `${limit.scope}:${key.toLowerCase()}`;

/** Minutes until every one of `attempts` has fewer than `max + extra` hits; 0 when it already has. */
async function minutesToWait(attempts: CountedAttempt[], extra: number): Promise<number> {
  const waits = await Promise.all(
    attempts.map((attempt) =>
      getRateLimitWait({
        bucket: bucketOf(attempt),
        max: attempt.limit.max + extra,
        windowSeconds: attempt.limit.windowMinutes * 60,
      }),
    ),
  );
  const seconds = Math.max(0, ...waits);
  return seconds === 0 ? 0 : Math.ceil(seconds / 60);
}

/** Minutes until every one of `attempts` is under its limit; 0 when the attempt may go ahead. */
export function minutesUntilAllowed(attempts: CountedAttempt[]): Promise<number> {
  return minutesToWait(attempts, 0);
}

/** Counts one attempt against each limit. */
export async function countAttempts(attempts: CountedAttempt[]): Promise<void> {
  await recordRateLimitHits({ buckets: attempts.map(bucketOf) });
}

/** An attempt counted before it is made; `minutes` > 0 when it is refused (and then no longer counted). */
export type Reservation = { minutes: number; cancel: () => Promise<void> };

/**
 * Counts an attempt as a failure before it is made, then checks the limits with it included, so
 * guesses sent in parallel cannot all slip in under the limit. A refused attempt is taken back
 * (refusals are not failures); the caller cancels the reservation when the attempt succeeds.
 */
export async function reserveAttempt(attempts: CountedAttempt[]): Promise<Reservation> {
  const ids = await recordRateLimitHits({ buckets: attempts.map(bucketOf) });
  const cancel = () => deleteRateLimitHits({ ids });
  const minutes = await minutesToWait(attempts, 1);
  if (minutes > 0) await cancel();
  return { minutes, cancel };
}

/** What a refused form says. */
export function tooManyAttemptsMessage(minutes: number): string {
  return `Too many attempts; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

export const signInAttempts = ({ email, address }: { email: string; address: string }): CountedAttempt[] => [
  { limit: SIGN_IN_FAILURES_PER_ACCOUNT, key: email },
  { limit: SIGN_IN_FAILURES_PER_ADDRESS, key: address },
];

export const accessCodeAttempts = ({ email, address }: { email: string; address: string }): CountedAttempt[] => [
  { limit: ACCESS_CODE_FAILURES_PER_ACCOUNT, key: email },
  { limit: ACCESS_CODE_FAILURES_PER_ADDRESS, key: address },
];

export const signUpAttempts = ({ address }: { address: string }): CountedAttempt[] => [
  { limit: SIGN_UPS_PER_ADDRESS, key: address },
];

export const inviteAttempts = ({ address }: { address: string }): CountedAttempt[] => [
  { limit: INVITE_FAILURES_PER_ADDRESS, key: address },
];
