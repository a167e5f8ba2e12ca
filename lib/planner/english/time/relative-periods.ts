import type { RelativePeriod, RelativeUnit } from "@/lib/planner/english/time/types";
import type { AnnotatedToken } from "@/lib/planner/english/types";

const UNITS = new Set<string>(["day", "week", "month", "quarter", "year"]);
const TO_DATE: Record<string, RelativeUnit> = { ytd: "year", qtd: "quarter", mtd: "month", wtd: "week" };
const DAYS: Record<string, RelativePeriod["anchor"]> = { today: "current", yesterday: "previous", tomorrow: "next" };

// Words that count back from, stay in, or count forward from the as-of date's unit.
const BACK = new Set(["last", "past", "previous", "prior", "trailing"]);
const HERE = new Set(["this", "current"]);
const AHEAD = new Set(["next", "coming"]);

/**
 * Reads a period counted from the as-of date, starting at token `i`: "last month", "the
 * previous quarter", "last 30 days", "past 3 months", "this year", "next week", "year to
 * date", "YTD", "today", "3 months ago". "last"/"previous"/"prior" without a count name the
 * whole unit before the current one; "past"/"trailing" without a count, and any of them with
 * a count, name the units that end on the as-of day.
 */
export function readRelativePeriod(
  tokens: AnnotatedToken[],
  i: number,
): { period: RelativePeriod; next: number } | null {
  const t = tokens[i];
  if (!t || (t.kind !== "word" && t.kind !== "number")) return null;
  if (TO_DATE[t.normal])
    return { period: { kind: "relative", unit: TO_DATE[t.normal], count: 1, anchor: "to-date" }, next: i + 1 };
  if (DAYS[t.normal])
    return { period: { kind: "relative", unit: "day", count: 1, anchor: DAYS[t.normal] }, next: i + 1 };
  const toDate = readToDate(tokens, i);
  if (toDate) return toDate;

  if (BACK.has(t.normal) || HERE.has(t.normal) || AHEAD.has(t.normal)) {
    const count = countAt(tokens, i + 1);
    const unitAt = count ? i + 2 : i + 1;
    const unit = unitOf(tokens[unitAt]);
    if (!unit) return null;
    if (HERE.has(t.normal))
      return count ? null : { period: { kind: "relative", unit, count: 1, anchor: "current" }, next: unitAt + 1 };
    if (AHEAD.has(t.normal))
      return { period: { kind: "relative", unit, count: count ?? 1, anchor: "next" }, next: unitAt + 1 };
    const rolling = count !== undefined || t.normal === "past" || t.normal === "trailing";
    return {
      period: { kind: "relative", unit, count: count ?? 1, anchor: rolling ? "rolling" : "previous" },
      next: unitAt + 1,
    };
  }

  const count = countAt(tokens, i);
  const unit = unitOf(tokens[i + 1]);
  if (count && unit && tokens[i + 2]?.normal === "ago")
    return { period: { kind: "relative", unit, count, anchor: "ago" }, next: i + 3 };
  return null;
}

/** "year to date", "year-to-date", "month to date". */
function readToDate(tokens: AnnotatedToken[], i: number): { period: RelativePeriod; next: number } | null {
  const unit = unitOf(tokens[i]);
  if (!unit || tokens[i].number) return null;
  const words: string[] = [];
  let k = i + 1;
  for (; k < tokens.length && words.length < 2; k++) {
    if (tokens[k].text === "-" && !tokens[k].spaceBefore) continue;
    words.push(tokens[k].normal);
  }
  return words[0] === "to" && words[1] === "date"
    ? { period: { kind: "relative", unit, count: 1, anchor: "to-date" }, next: k }
    : null;
}

function countAt(tokens: AnnotatedToken[], k: number): number | undefined {
  const n = tokens[k]?.number;
  return n && !n.ordinal && !n.unit && Number.isInteger(n.value) && n.value > 0 && !n.yearLike ? n.value : undefined;
}

function unitOf(t: AnnotatedToken | undefined): RelativeUnit | undefined {
  return t && t.kind === "word" && UNITS.has(t.lemma) ? (t.lemma as RelativeUnit) : undefined;
}
