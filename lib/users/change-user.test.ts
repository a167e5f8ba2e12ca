import { describe, expect, it } from "vitest";
import { getSql } from "@/lib/db";
import { createRun } from "@/lib/db/queries/runs";
import { createSession, findOpenSession } from "@/lib/db/queries/sessions";
import { createMember, getUserById, listUsersWithRunCounts } from "@/lib/db/queries/users";
import type { User } from "@/lib/db/schema";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";
import { changeUser } from "./change-user";

useMigratedAppDatabase();

const HOUR = 3600;
let serial = 0;

/** A new account of `role`, made as the Users page would make it. */
async function account(role: User["role"], name = "user"): Promise<User> {
  serial += 1;
  const user = (await createMember({ email: `${name}-${serial}@example.com`, name, passwordHash: "x" }))!;
  if (role === "admin") await getSql()`update datamorph.users set role = 'admin' where id = ${user.id}`;
  return (await getUserById({ id: user.id }))!;
}

/** Leaves exactly the given accounts as active administrators (tests share one database). */
async function onlyAdmins(...admins: User[]) {
  await getSql()`update datamorph.users set role = 'member' where not (id = any(${admins.map((a) => a.id)}::uuid[]))`;
}

describe("an administrator's changes to accounts", () => {
  it("never lets an administrator disable, demote or remove their own account", async () => {
    const ann = await account("admin", "ann");
    await account("admin", "another-admin");
    for (const change of ["make-member", "disable", "remove"] as const) {
      const result = await changeUser({ actorId: ann.id, userId: ann.id, change });
      expect(result.ok, change).toBe(false);
      expect(result.message, change).toMatch(/^You cannot .* your own/);
    }
    const after = (await getUserById({ id: ann.id }))!;
    expect(after.role).toBe("admin");
    expect(after.disabledAt).toBeNull();
  });

  it("never demotes, disables or removes the last active administrator, even asked by a stale session", async () => {
    const bea = await account("admin", "bea");
    const cal = await account("admin", "cal");
    await onlyAdmins(bea, cal);
    expect((await changeUser({ actorId: bea.id, userId: cal.id, change: "disable" })).ok).toBe(true);
    // Cal's page was open before Cal was disabled; the rule holds whoever asks.
    for (const change of ["make-member", "disable", "remove"] as const) {
      const result = await changeUser({ actorId: cal.id, userId: bea.id, change });
      expect(result, change).toEqual({ ok: false, message: expect.stringContaining("last active administrator") });
    }
    expect((await getUserById({ id: bea.id }))!.role).toBe("admin");
    // A disabled administrator is not an active one: demoting Cal is allowed.
    expect((await changeUser({ actorId: bea.id, userId: cal.id, change: "make-member" })).ok).toBe(true);
  });

  it("lets only one of two administrators disabling each other at once win", async () => {
    const dee = await account("admin", "dee");
    const eli = await account("admin", "eli");
    await onlyAdmins(dee, eli);
    const results = await Promise.all([
      changeUser({ actorId: dee.id, userId: eli.id, change: "disable" }),
      changeUser({ actorId: eli.id, userId: dee.id, change: "disable" }),
    ]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    const active = (await listUsersWithRunCounts()).filter((u) => u.role === "admin" && !u.disabledAt);
    expect(active).toHaveLength(1);
  });

  it("disabling ends the user's sessions at once, and no session of a disabled user opens anything", async () => {
    const admin = await account("admin", "fay");
    const gus = await account("member", "gus");
    const sessions = await Promise.all([1, 2].map(() => createSession({ userId: gus.id, maxAgeSeconds: HOUR })));
    expect(await findOpenSession({ id: sessions[0], userId: gus.id })).toEqual({ role: "member" });

    const result = await changeUser({ actorId: admin.id, userId: gus.id, change: "disable" });
    expect(result).toEqual({
      ok: true,
      message: `${gus.email} is disabled and cannot sign in; 2 open sessions ended.`,
    });
    for (const id of sessions) expect(await findOpenSession({ id, userId: gus.id })).toBeNull();
    // A sign-in racing the change opens a session after it: that one is refused too.
    const late = await createSession({ userId: gus.id, maxAgeSeconds: HOUR });
    expect(await findOpenSession({ id: late, userId: gus.id })).toBeNull();

    expect((await changeUser({ actorId: admin.id, userId: gus.id, change: "enable" })).ok).toBe(true);
    expect(await findOpenSession({ id: late, userId: gus.id }), "enabled again, a new session works").toEqual({
      role: "member",
    });
    expect(await findOpenSession({ id: sessions[0], userId: gus.id }), "the ended ones stay ended").toBeNull();
  });

  it("a role change shows in the user's open session on its next request", async () => {
    const admin = await account("admin", "hal");
    const ivy = await account("member", "ivy");
    const session = await createSession({ userId: ivy.id, maxAgeSeconds: HOUR });
    await changeUser({ actorId: admin.id, userId: ivy.id, change: "make-admin" });
    expect(await findOpenSession({ id: session, userId: ivy.id })).toEqual({ role: "admin" });
    await changeUser({ actorId: admin.id, userId: ivy.id, change: "make-member" });
    expect(await findOpenSession({ id: session, userId: ivy.id })).toEqual({ role: "member" });
  });

  it("removes an account that holds nothing, and keeps one whose runs record it, saying to disable it", async () => {
    const admin = await account("admin", "jo");
    const kim = await account("member", "kim");
    await createRun({ userId: kim.id, prompt: "orders per customer" });
    const refused = await changeUser({ actorId: admin.id, userId: kim.id, change: "remove" });
    expect(refused.ok).toBe(false);
    expect(refused.message).toBe(
      "This user has 1 run, no pipelines and no uploads that keep their name, so the account is kept. Disable it instead: it then cannot sign in, and nothing is lost.",
    );
    expect(await getUserById({ id: kim.id })).not.toBeNull();
    expect((await listUsersWithRunCounts()).find((u) => u.id === kim.id)?.runCount).toBe(1);

    const lee = await account("member", "lee");
    const session = await createSession({ userId: lee.id, maxAgeSeconds: HOUR });
    expect(await changeUser({ actorId: admin.id, userId: lee.id, change: "remove" })).toEqual({
      ok: true,
      message: `${lee.email} was removed.`,
    });
    expect(await getUserById({ id: lee.id })).toBeNull();
    expect(await findOpenSession({ id: session, userId: lee.id })).toBeNull();
    expect((await changeUser({ actorId: admin.id, userId: lee.id, change: "enable" })).message).toBe(
      "That account no longer exists; reload the page.",
    );
  });
});
