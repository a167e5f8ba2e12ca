import { describe, expect, it } from "vitest";
import { getSql } from "@/lib/db";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";
import { getRateLimitWait, recordRateLimitHits } from "./rate-limits";
import { createSession, isSessionActive, revokeSession } from "./sessions";
import { createMember } from "./users";

useMigratedAppDatabase();

const FIFTEEN_MINUTES = 15 * 60;

describe("rate limits", () => {
  it("refuses once a bucket has its maximum of hits in the window, and says for how long", async () => {
    const limit = { bucket: "sign-in:account:ada@example.com", max: 3, windowSeconds: FIFTEEN_MINUTES };
    await recordRateLimitHits({ buckets: [limit.bucket, limit.bucket] });
    expect(await getRateLimitWait(limit)).toBe(0);
    await recordRateLimitHits({ buckets: [limit.bucket] });
    const wait = await getRateLimitWait(limit);
    expect(wait).toBeGreaterThan(FIFTEEN_MINUTES - 60);
    expect(wait).toBeLessThanOrEqual(FIFTEEN_MINUTES);
    expect(
      await getRateLimitWait({ ...limit, bucket: "sign-in:account:bob@example.com" }),
      "other buckets are not touched",
    ).toBe(0);
  });

  it("frees a place when the oldest counted hit leaves the window", async () => {
    const limit = { bucket: "sign-in:address:203.0.113.5", max: 2, windowSeconds: FIFTEEN_MINUTES };
    await recordRateLimitHits({ buckets: [limit.bucket, limit.bucket] });
    await getSql()`update datamorph.rate_limit_hits set created_at = now() - interval '14 minutes' where bucket = ${limit.bucket}`;
    await recordRateLimitHits({ buckets: [limit.bucket] });
    const wait = await getRateLimitWait(limit);
    expect(wait, "the newer of the two hits that fill the limit expires in about a minute").toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    await getSql()`update datamorph.rate_limit_hits set created_at = now() - interval '16 minutes' where bucket = ${limit.bucket} and created_at < now() - interval '1 minute'`;
    expect(await getRateLimitWait(limit)).toBe(0);
  });

  it("forgets hits older than a day as new ones arrive", async () => {
    await getSql()`insert into datamorph.rate_limit_hits (bucket, created_at) values ('old', now() - interval '2 days')`;
    await recordRateLimitHits({ buckets: ["new"] });
    const [{ n }] = await getSql()`select count(*)::int as n from datamorph.rate_limit_hits where bucket = 'old'`;
    expect(n).toBe(0);
  });
});

describe("sessions", () => {
  it("is active until revoked or expired, and only for its own user", async () => {
    const user = (await createMember({ email: "sue@example.com", name: "Sue", passwordHash: "x" }))!;
    const other = (await createMember({ email: "tom@example.com", name: "Tom", passwordHash: "x" }))!;
    const id = await createSession({ userId: user.id, maxAgeSeconds: 3600 });
    expect(await isSessionActive({ id, userId: user.id })).toBe(true);
    expect(await isSessionActive({ id, userId: other.id })).toBe(false);
    await revokeSession({ id });
    expect(await isSessionActive({ id, userId: user.id })).toBe(false);

    const expired = await createSession({ userId: user.id, maxAgeSeconds: 3600 });
    await getSql()`update datamorph.sessions set expires_at = now() - interval '1 second' where id = ${expired}`;
    expect(await isSessionActive({ id: expired, userId: user.id })).toBe(false);
  });
});
