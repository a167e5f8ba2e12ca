import { inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { rateLimitHits } from "@/lib/db/schema";

/** Hits are kept this long: longer than any limit's window. */
const KEEP_HITS = "1 day";

/**
 * Seconds until `bucket` has fewer than `max` hits in the last `windowSeconds`, or 0 when it
 * already has. The `max`-th newest hit in the window is the one whose expiry frees a place.
 */
export async function getRateLimitWait({
  bucket,
  max,
  windowSeconds,
}: {
  bucket: string;
  max: number;
  windowSeconds: number;
}): Promise<number> {
  const rows = await getDb().execute<{ wait: number }>(sql`
    select extract(epoch from (${rateLimitHits.createdAt} + make_interval(secs => ${windowSeconds}) - now()))::float8 as wait
    from ${rateLimitHits}
    where ${rateLimitHits.bucket} = ${bucket} and ${rateLimitHits.createdAt} > now() - make_interval(secs => ${windowSeconds})
    order by ${rateLimitHits.createdAt} desc
    offset ${max - 1} limit 1`);
  const wait = rows[0]?.wait;
  return wait === undefined ? 0 : Math.max(1, Math.ceil(Number(wait)));
}

/** Counts one hit against each of `buckets`, forgets hits too old to matter, and returns the new hits' ids. */
export async function recordRateLimitHits({ buckets }: { buckets: string[] }): Promise<number[]> {
  if (buckets.length === 0) return [];
  return getDb().transaction(async (tx) => {
    const rows = await tx
      .insert(rateLimitHits)
      .values(buckets.map((bucket) => ({ bucket })))
      .returning({ id: rateLimitHits.id });
    await tx
      .delete(rateLimitHits)
      .where(sql`${rateLimitHits.createdAt} < now() - ${sql.raw(`interval '${KEEP_HITS}'`)}`);
    return rows.map((row) => row.id);
  });
}

/** Takes back hits recorded by `recordRateLimitHits`. */
export async function deleteRateLimitHits({ ids }: { ids: number[] }): Promise<void> {
  if (ids.length > 0) await getDb().delete(rateLimitHits).where(inArray(rateLimitHits.id, ids));
}
