import { beforeAll, describe, expect, it } from "vitest";
import { getSql } from "@/lib/db";
import { createSession, isSessionActive } from "@/lib/db/queries/sessions";
import { createMember, getUserById } from "@/lib/db/queries/users";
import type { User } from "@/lib/db/schema";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";
import { SIGN_IN_FAILURES_PER_ACCOUNT } from "./attempt-limits";
import { changePassword } from "./change-password";
import { hashPassword, verifyPassword } from "./password";

useMigratedAppDatabase();

const OLD = "old password, long enough";
const NEW = "new password, long enough";
const HOUR = 3600;
let oldHash: string;

beforeAll(async () => {
  oldHash = await hashPassword(OLD);
});

async function signedIn(name: string): Promise<{ user: User; here: string; elsewhere: string }> {
  const user = (await createMember({ email: `${name}@Example.com`, name, passwordHash: oldHash }))!;
  const [here, elsewhere] = await Promise.all(
    [1, 2].map(() => createSession({ userId: user.id, maxAgeSeconds: HOUR })),
  );
  return { user, here, elsewhere };
}

const accountFailures = async (email: string) =>
  (
    await getSql()`select count(*)::int as n from datamorph.rate_limit_hits where bucket = ${`sign-in:account:${email.toLowerCase()}`}`
  )[0].n;

describe("changePassword", () => {
  it("checks the current password, stores the new one, and signs out only the other sessions", async () => {
    const { user, here, elsewhere } = await signedIn("ann");
    const outcome = await changePassword({
      userId: user.id,
      sessionId: here,
      address: "198.51.100.20",
      currentPassword: OLD,
      newPassword: NEW,
    });
    expect(outcome).toEqual({ status: "changed", otherSessionsEnded: 1 });
    const stored = (await getUserById({ id: user.id }))!.passwordHash;
    expect(await verifyPassword(NEW, stored)).toBe(true);
    expect(await verifyPassword(OLD, stored)).toBe(false);
    expect(await isSessionActive({ id: here, userId: user.id })).toBe(true);
    expect(await isSessionActive({ id: elsewhere, userId: user.id })).toBe(false);
    expect(await accountFailures(user.email), "a right current password is no failure").toBe(0);
  });

  it("counts a wrong current password as a failed sign-in of the account and changes nothing", async () => {
    const { user, here, elsewhere } = await signedIn("ben");
    const outcome = await changePassword({
      userId: user.id,
      sessionId: here,
      address: "198.51.100.21",
      currentPassword: "a guess at it",
      newPassword: NEW,
    });
    expect(outcome).toEqual({ status: "wrong-password" });
    expect(await accountFailures(user.email)).toBe(1);
    expect((await getUserById({ id: user.id }))!.passwordHash).toBe(oldHash);
    expect(await isSessionActive({ id: elsewhere, userId: user.id })).toBe(true);
  });

  it("refuses even the right current password once the account has its failures, sign-in's and its own alike", async () => {
    const { user, here } = await signedIn("cat");
    // Failed sign-ins of the account from elsewhere count here too.
    await getSql()`insert into datamorph.rate_limit_hits (bucket) select ${"sign-in:account:cat@example.com"} from generate_series(1, ${SIGN_IN_FAILURES_PER_ACCOUNT.max - 1})`;
    const last = await changePassword({
      userId: user.id,
      sessionId: here,
      address: "198.51.100.22",
      currentPassword: "one more guess",
      newPassword: NEW,
    });
    expect(last.status).toBe("wrong-password");
    const refused = await changePassword({
      userId: user.id,
      sessionId: here,
      address: "198.51.100.22",
      currentPassword: OLD,
      newPassword: NEW,
    });
    expect(refused).toEqual({ status: "too-many-attempts", minutes: SIGN_IN_FAILURES_PER_ACCOUNT.windowMinutes });
    expect((await getUserById({ id: user.id }))!.passwordHash).toBe(oldHash);
  });

  it("changes nothing for a session that has been signed out meanwhile", async () => {
    const { user, here, elsewhere } = await signedIn("dan");
    await getSql()`update datamorph.sessions set revoked_at = now() where id = ${here}`;
    const outcome = await changePassword({
      userId: user.id,
      sessionId: here,
      address: "198.51.100.23",
      currentPassword: OLD,
      newPassword: NEW,
    });
    expect(outcome).toEqual({ status: "session-ended" });
    expect((await getUserById({ id: user.id }))!.passwordHash).toBe(oldHash);
    expect(await isSessionActive({ id: elsewhere, userId: user.id })).toBe(true);
  });
});
