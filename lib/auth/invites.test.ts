import { describe, expect, it } from "vitest";
import { getSql } from "@/lib/db";
import { createMember, getUserByEmail } from "@/lib/db/queries/users";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";
import { INVITE_FAILURES_PER_ADDRESS } from "./attempt-limits";
import { createInviteToken, hashInviteToken } from "./invite-token";
import { issueInvite, readInvite, signUpWithInvite } from "./invites";
import { verifyPassword } from "./password";

useMigratedAppDatabase();

const PASSWORD = "a long enough password";
let serial = 0;

async function inviter() {
  serial += 1;
  return (await createMember({ email: `inviter-${serial}@example.com`, name: "Inviter", passwordHash: "x" }))!;
}

const signUp = (token: string, email: string, address = `198.51.100.${serial}`) =>
  signUpWithInvite({ token, name: email.split("@")[0], email, password: PASSWORD, address });

describe("invite links", () => {
  it("create an account with the invite's role, once; the second use is refused and creates nothing", async () => {
    const { token, invite } = await issueInvite({ role: "admin", createdBy: (await inviter()).id });
    expect(await readInvite(token)).toEqual({ status: "open", role: "admin", expiresAt: invite.expiresAt });
    const days = (invite.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const first = await signUp(token, "nia@example.com");
    expect(first.status).toBe("created");
    const nia = (await getUserByEmail({ email: "nia@example.com" }))!;
    expect(nia.role).toBe("admin");
    expect(await verifyPassword(PASSWORD, nia.passwordHash)).toBe(true);
    const [row] = await getSql()`select used_by, used_at from datamorph.invites where id = ${invite.id}`;
    expect(row.used_by).toBe(nia.id);
    expect(row.used_at).not.toBeNull();

    expect(await readInvite(token)).toEqual({ status: "used" });
    expect(await signUp(token, "ned@example.com")).toEqual({ status: "used" });
    expect(await getUserByEmail({ email: "ned@example.com" })).toBeNull();
  });

  it("keep only a hash of the token", async () => {
    const { token, invite } = await issueInvite({ role: "member", createdBy: (await inviter()).id });
    const [row] = await getSql()`select token_hash from datamorph.invites where id = ${invite.id}`;
    expect(row.token_hash).toBe(hashInviteToken(token));
    expect(row.token_hash).not.toContain(token);
  });

  it("give a member's role when the invite says member", async () => {
    const { token } = await issueInvite({ role: "member", createdBy: (await inviter()).id });
    expect((await signUp(token, "mo@example.com")).status).toBe("created");
    expect((await getUserByEmail({ email: "mo@example.com" }))!.role).toBe("member");
  });

  it("stop working when they expire", async () => {
    const { token, invite } = await issueInvite({ role: "member", createdBy: (await inviter()).id });
    await getSql()`update datamorph.invites set expires_at = now() - interval '1 second' where id = ${invite.id}`;
    expect(await readInvite(token)).toEqual({ status: "expired" });
    expect(await signUp(token, "olga@example.com")).toEqual({ status: "expired" });
    expect(await getUserByEmail({ email: "olga@example.com" })).toBeNull();
  });

  it("used twice at the same moment, create exactly one account", async () => {
    const { token } = await issueInvite({ role: "member", createdBy: (await inviter()).id });
    const results = await Promise.all([signUp(token, "pia@example.com"), signUp(token, "quin@example.com")]);
    expect(results.map((r) => r.status).sort()).toEqual(["created", "used"]);
    const [{ n }] =
      await getSql()`select count(*)::int as n from datamorph.users where email in ('pia@example.com', 'quin@example.com')`;
    expect(n).toBe(1);
  });

  it("stay unused when the email already has an account", async () => {
    await createMember({ email: "rex@example.com", name: "Rex", passwordHash: "x" });
    const { token } = await issueInvite({ role: "admin", createdBy: (await inviter()).id });
    expect(await signUp(token, "REX@example.com")).toEqual({ status: "email-taken" });
    expect((await readInvite(token)).status).toBe("open");
    expect((await getUserByEmail({ email: "rex@example.com" }))!.role).toBe("member");
  });

  it("that open nothing are counted per address, and too many stop even a good link from there", async () => {
    const address = "203.0.113.77";
    expect(await readInvite("not a token")).toEqual({ status: "unknown" });
    for (let i = 0; i < INVITE_FAILURES_PER_ADDRESS.max; i++)
      expect((await signUp(createInviteToken(), `guess-${i}@example.com`, address)).status).toBe("unknown");
    const { token } = await issueInvite({ role: "member", createdBy: (await inviter()).id });
    expect(await signUp(token, "sam@example.com", address)).toEqual({ status: "too-many-attempts", minutes: 15 });
    expect((await signUp(token, "sam@example.com", "203.0.113.78")).status).toBe("created");
  });
});
