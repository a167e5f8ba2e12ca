import type { TimeDimension } from "./model-schema";
import { nameWords, startsWithWords } from "./words/name-words";

// Dates that describe a row rather than the event it records: never the default period.
const DESCRIPTIVE_DATE_WORDS = new Set([
  "birth",
  "expiry",
  "expiration",
  "expires",
  "due",
  "required",
  "deleted",
  "updated",
  "modified",
  "valid",
]);
// Dates that record when the row's event happened.
const EVENT_DATE_WORDS = new Set([
  "created",
  "placed",
  "posted",
  "transaction",
  "event",
  "signup",
  "registered",
  "start",
  "started",
  "paid",
  "sold",
  "issued",
  "hire",
]);

function score(time: TimeDimension, entityForms: string[][], nullable: boolean): number {
  const words = nameWords(time.column).expanded;
  if (words.some((w) => DESCRIPTIVE_DATE_WORDS.has(w))) return 0;
  const named = entityForms.some((f) => startsWithWords(words, f)) ? 8 : 0;
  const event = words.some((w) => EVENT_DATE_WORDS.has(w)) ? 4 : 0;
  return 1 + named + event + (nullable ? 0 : 2);
}

/**
 * Which time dimension a period in a request refers to when it does not say ("orders in 2024"):
 * the date named after the entity (`order_date` of orders), else an event date (`created_at`),
 * preferring columns that are always set; ties go to the first name in sort order.
 */
export function defaultTimeColumn(
  times: TimeDimension[],
  entityForms: string[][],
  nullable: (column: string) => boolean,
): string | undefined {
  let best: { column: string; score: number } | undefined;
  for (const time of [...times].sort((a, b) => (a.column < b.column ? -1 : 1))) {
    const s = score(time, entityForms, nullable(time.column));
    if (!best || s > best.score) best = { column: time.column, score: s };
  }
  return best?.column;
}
