import { describe, expect, it } from "vitest";
import { getSql } from "@/lib/db";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";
import { createSession, isSessionActive, revokeOtherSessions, revokeSession } from "./sessions";
import { createMember, getUserById, replacePasswordHash } from "./users";

useMigratedAppDatabase();

const HOUR = 3600;
const member = async (name: string) =>
  (await createMember({ email: `${name}@example.com`, name, passwordHash: "old hash" }))!;

describe("revokeOtherSessions", () => {
  it("ends every open session of the user but the one kept, and no one else's", async () => {
    const user = await member("uma");
    const other = await member("victor");
    const [kept, phone, laptop] = await Promise.all(
      [1, 2, 3].map(() => createSession({ userId: user.id, maxAgeSeconds: HOUR })),
    );
    const signedOut = await createSession({ userId: user.id, maxAgeSeconds: HOUR });
    await revokeSession({ id: signedOut });
    const victors = await createSession({ userId: other.id, maxAgeSeconds: HOUR });

    expect(await revokeOtherSessions({ userId: user.id, keepId: kept }), "only the two open ones are counted").toBe(2);
    expect(await isSessionActive({ id: kept, userId: user.id })).toBe(true);
    expect(await isSessionActive({ id: phone, userId: user.id })).toBe(false);
    expect(await isSessionActive({ id: laptop, userId: user.id })).toBe(false);
    expect(await isSessionActive({ id: victors, userId: other.id }), "another user's session is untouched").toBe(true);
    expect(
      await revokeOtherSessions({ userId: user.id, keepId: kept }),
      "a second call finds nothing left to end",
    ).toBe(0);
  });

  it("keeps the first revocation time of a session already ended", async () => {
    const user = await member("wendy");
    const kept = await createSession({ userId: user.id, maxAgeSeconds: HOUR });
    const old = await createSession({ userId: user.id, maxAgeSeconds: HOUR });
    await getSql()`update datamorph.sessions set revoked_at = '2020-01-01T00:00:00Z' where id = ${old}`;
    await revokeOtherSessions({ userId: user.id, keepId: kept });
    const [row] = await getSql()`select revoked_at from datamorph.sessions where id = ${old}`;
    expect(new Date(row.revoked_at).toISOString()).toBe("2020-01-01T00:00:00.000Z");
  });
});

describe("replacePasswordHash", () => {
  it("stores the new hash and ends the other sessions together", async () => {
    const user = await member("xena");
    const kept = await createSession({ userId: user.id, maxAgeSeconds: HOUR });
    const other = await createSession({ userId: user.id, maxAgeSeconds: HOUR });
    expect(await replacePasswordHash({ userId: user.id, passwordHash: "new hash", keepSessionId: kept })).toBe(1);
    expect((await getUserById({ id: user.id }))?.passwordHash).toBe("new hash");
    expect(await isSessionActive({ id: kept, userId: user.id })).toBe(true);
    expect(await isSessionActive({ id: other, userId: user.id })).toBe(false);
  });

  it("changes nothing when the session asking has already ended", async () => {
    const user = await member("yuri");
    const ended = await createSession({ userId: user.id, maxAgeSeconds: HOUR });
    const other = await createSession({ userId: user.id, maxAgeSeconds: HOUR });
    await revokeSession({ id: ended });
    expect(await replacePasswordHash({ userId: user.id, passwordHash: "new hash", keepSessionId: ended })).toBeNull();
    expect((await getUserById({ id: user.id }))?.passwordHash).toBe("old hash");
    expect(await isSessionActive({ id: other, userId: user.id })).toBe(true);
  });

  it("lets only one of two changes made at once from two sessions through", async () => {
    const user = await member("zoe");
    const [first, second] = await Promise.all(
      [1, 2].map(() => createSession({ userId: user.id, maxAgeSeconds: HOUR })),
    );
    const results = await Promise.all([
      replacePasswordHash({ userId: user.id, passwordHash: "hash from first", keepSessionId: first }),
      replacePasswordHash({ userId: user.id, passwordHash: "hash from second", keepSessionId: second }),
    ]);
    const winner = results[0] === null ? 1 : 0;
    expect(results[1 - winner], "the other change gives up").toBeNull();
    expect(results[winner]).toBe(1);
    expect((await getUserById({ id: user.id }))?.passwordHash).toBe(
      winner === 0 ? "hash from first" : "hash from second",
    );
    expect(await isSessionActive({ id: [first, second][winner], userId: user.id })).toBe(true);
    expect(await isSessionActive({ id: [first, second][1 - winner], userId: user.id })).toBe(false);
  });
});
