import { describe, expect, it } from "vitest";
import { getSql } from "@/lib/db";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";
import {
  SIGN_IN_FAILURES_PER_ACCOUNT,
  minutesUntilAllowed,
  reserveAttempt,
  signInAttempts,
  tooManyAttemptsMessage,
} from "./attempt-limits";

useMigratedAppDatabase();

const failuresOf = async (bucket: string) =>
  (await getSql()`select count(*)::int as n from datamorph.rate_limit_hits where bucket = ${bucket}`)[0].n;

describe("sign-in attempt limits", () => {
  it("let no more guesses than the limit through when they arrive all at once", async () => {
    const attempts = signInAttempts({ email: "Par@Example.com", address: "198.51.100.7" });
    const results = await Promise.all(Array.from({ length: 25 }, () => reserveAttempt(attempts)));
    let allowed = results.filter((result) => result.minutes === 0).length;
    expect(allowed).toBeLessThanOrEqual(SIGN_IN_FAILURES_PER_ACCOUNT.max);
    expect(await failuresOf("sign-in:account:par@example.com"), "refused attempts are not counted as failures").toBe(
      allowed,
    );
    // A burst may be refused whole; one guess after another then gets exactly the rest.
    while ((await reserveAttempt(attempts)).minutes === 0) allowed++;
    expect(allowed).toBe(SIGN_IN_FAILURES_PER_ACCOUNT.max);
  });

  it("refuse the right password too once the account has its failures, and say for how long", async () => {
    const attempts = signInAttempts({ email: "ada@example.com", address: "198.51.100.8" });
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT.max; i++) expect((await reserveAttempt(attempts)).minutes).toBe(0);
    const refused = await reserveAttempt(attempts);
    expect(refused.minutes).toBe(SIGN_IN_FAILURES_PER_ACCOUNT.windowMinutes);
    expect(tooManyAttemptsMessage(refused.minutes)).toBe("Too many attempts; try again in 15 minutes.");
    // From another address the per-account limit still holds.
    expect(await minutesUntilAllowed(signInAttempts({ email: "ada@example.com", address: "203.0.113.1" }))).toBe(15);
  });

  it("do not count a sign-in that succeeds", async () => {
    const attempts = signInAttempts({ email: "bea@example.com", address: "198.51.100.9" });
    const attempt = await reserveAttempt(attempts);
    await attempt.cancel();
    expect(await failuresOf("sign-in:account:bea@example.com")).toBe(0);
  });
});
