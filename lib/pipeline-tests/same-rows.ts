import type { Catalog } from "@/lib/catalog/types";
import { compileSql } from "@/lib/codegen/sql";
import type { SqlClient } from "@/lib/db/client";
import { planWithEnglish } from "@/lib/planner/reading";

/** A request and the hand-written query that answers the same question. */
export type PromptCase = {
  prompt: string;
  expected: string;
  /** Decimals numbers are compared to; fewer for sums of `real` columns, whose last digits depend on summation order. */
  decimals?: number;
};

/** The reference time of every relative date in these tests ("last 30 days", "this year"). */
export const NOW = new Date("2025-06-15T12:00:00Z");

// Numbers to fixed decimals and dates to ISO, so 1.5, '1.50' and 1.500000 compare equal.
function normalizeValue(value: unknown, decimals: number): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "bigint") return Number(value).toFixed(decimals);
  if (typeof value === "string" && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value)) return Number(value).toFixed(decimals);
  return JSON.stringify(value);
}

/** Rows as sorted lines of position-ordered values: a multiset that ignores column names and row order. */
export function normalizeRows(rows: readonly unknown[][], decimals = 6): string[] {
  return rows.map((row) => row.map((v) => normalizeValue(v, decimals)).join(" | ")).sort();
}

/** Rows only one side has (as a multiset), a few of each, so a failure reads in one screen. */
export function rowDifference(actual: string[], expected: string[], max = 5): { missing: string[]; extra: string[] } {
  const counts = new Map<string, number>();
  for (const row of expected) counts.set(row, (counts.get(row) ?? 0) + 1);
  const extra: string[] = [];
  for (const row of actual) {
    const n = counts.get(row) ?? 0;
    if (n > 0) counts.set(row, n - 1);
    else if (extra.length < max) extra.push(row);
  }
  const missing = [...counts]
    .filter(([, n]) => n > 0)
    .flatMap(([row, n]) => Array<string>(n).fill(row))
    .slice(0, max);
  return { missing, extra };
}

/**
 * Plans `prompt` against the live catalog, compiles it, runs it, and returns its rows next to
 * the hand-written query's, both normalised.
 */
export async function runBoth(
  sql: SqlClient,
  context: { catalog: Catalog; sampleValues: Record<string, string[]> },
  c: PromptCase,
) {
  const plan = planWithEnglish({
    prompt: c.prompt,
    catalog: context.catalog,
    sampleValues: context.sampleValues,
    now: NOW,
  });
  if (!plan.ok) throw new Error(`"${c.prompt}" was rejected (${plan.code}): ${plan.message}`);
  const generated = compileSql({ spec: plan.spec, catalog: context.catalog });
  // Arrays, not objects: two outputs may share a name in the hand-written query.
  const [actual, expected] = await Promise.all([sql.unsafe(generated).values(), sql.unsafe(c.expected).values()]);
  const shown = expectedColumnsOf(actual, expected, c.decimals ?? 6);
  return { actual: normalizeRows(shown, c.decimals), expected: normalizeRows(expected, c.decimals), sql: generated };
}

/**
 * The built table's columns that hold the hand-written query's, in its order: a table may add
 * columns that describe its rows (a customer's name beside the id), never change the rows. Each
 * expected column is matched to a built column with the same values (as a multiset); when one has
 * no match, the rows are compared whole, so the difference shows.
 */
function expectedColumnsOf(actual: unknown[][], expected: unknown[][], decimals: number): unknown[][] {
  const width = (rows: unknown[][]) => rows[0]?.length ?? 0;
  if (actual.length !== expected.length || width(actual) <= width(expected)) return actual;
  const values = (rows: unknown[][], i: number) =>
    rows
      .map((r) => normalizeValue(r[i], decimals))
      .sort()
      .join("\n");
  const used = new Set<number>();
  const picked: number[] = [];
  for (let j = 0; j < width(expected); j++) {
    const want = values(expected, j);
    const k = [...Array(width(actual)).keys()].find((i) => !used.has(i) && values(actual, i) === want);
    if (k === undefined) return actual;
    used.add(k);
    picked.push(k);
  }
  return actual.map((row) => picked.map((k) => row[k]));
}
