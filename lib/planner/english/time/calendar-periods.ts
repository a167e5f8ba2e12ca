import * as chrono from "chrono-node/en";
import { monthOf } from "@/lib/planner/english/time/month-names";
import type { CalendarPeriod } from "@/lib/planner/english/time/types";
import type { AnnotatedToken } from "@/lib/planner/english/types";

/** A calendar period read at a token, and the token after it. */
export type CalendarRead = { period: CalendarPeriod; next: number; until?: CalendarPeriod };

// chrono reads day-level dates in their many spellings ("Jan 15th 2018", "5 March 2024",
// "03/15/2024"); a fixed reference date keeps it away from the clock, and a field it only
// guessed (a year it was not given) is dropped.
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/**
 * Reads a calendar period starting at token `i`: a year ("2023"), a quarter ("Q3 2024",
 * "2024 Q3", "the first quarter of 2024" from its ordinal), a half ("H1 2023", "first half of
 * 2023"), a month ("March 2024", "March of 2024", "Dec"), a day ("March 15, 2005",
 * "1st of March 2024", "2022-03-01", "03/15/2024"), a run of days ("Jan 1-7 2025"), a range
 * of years written as one word ("2020-2022"), or the start or end of any of these.
 */
export function readCalendarPeriod(tokens: AnnotatedToken[], prompt: string, i: number): CalendarRead | null {
  const t = tokens[i];
  if (!t) return null;
  if ((t.lemma === "start" || t.lemma === "beginning" || t.lemma === "end") && tokens[i + 1]?.normal === "of") {
    const at = tokens[i + 2]?.normal === "the" ? i + 3 : i + 2;
    const inner = readCalendarPeriod(tokens, prompt, at);
    if (inner && !inner.until)
      return { period: { ...inner.period, edge: t.lemma === "end" ? "end" : "start" }, next: inner.next };
    return null;
  }
  return (
    readWritten(tokens, i) ??
    readPart(tokens, i) ??
    readMonthFirst(tokens, prompt, i) ??
    readDayFirst(tokens, prompt, i) ??
    readYear(tokens, i)
  );
}

/** A year, when the token is a plain four-digit number in 1900–2099. */
export function yearAt(tokens: AnnotatedToken[], k: number): number | undefined {
  const n = tokens[k]?.number;
  return n?.yearLike && !n.unit && !n.ordinal ? n.value : undefined;
}

function readWritten(tokens: AnnotatedToken[], i: number): CalendarRead | null {
  const text = tokens[i].text;
  if (/^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}\/\d{1,2}\/\d{4}$|^\d{4}\/\d{1,2}\/\d{1,2}$/.test(text)) {
    const period = readDay(text);
    return period ? { period, next: i + 1 } : null;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month && +month[2] >= 1 && +month[2] <= 12)
    return { period: { kind: "calendar", granularity: "month", year: +month[1], month: +month[2] }, next: i + 1 };
  const years = /^((?:19|20)\d{2})[-\u2013]((?:19|20)\d{2})$/.exec(text);
  if (years && +years[2] > +years[1]) {
    return {
      period: { kind: "calendar", granularity: "year", year: +years[1] },
      until: { kind: "calendar", granularity: "year", year: +years[2] },
      next: i + 1,
    };
  }
  return null;
}

/** Quarters and halves: "Q3", "H1", "first quarter", "2nd half", each with an optional year. */
function readPart(tokens: AnnotatedToken[], i: number): CalendarRead | null {
  const t = tokens[i];
  const code = /^([qh])([1-4])$/i.exec(t.text);
  let part: { granularity: "quarter" | "half"; n: number } | null = null;
  let next = i + 1;
  if (code) part = { granularity: code[1].toLowerCase() === "q" ? "quarter" : "half", n: +code[2] };
  else if (t.number?.ordinal && (tokens[i + 1]?.lemma === "quarter" || tokens[i + 1]?.lemma === "half")) {
    part = { granularity: tokens[i + 1].lemma as "quarter" | "half", n: t.number.value };
    next = i + 2;
  }
  if (!part || part.n < 1 || part.n > (part.granularity === "quarter" ? 4 : 2)) return null;
  const year = yearAfter(tokens, next);
  return {
    period: withPart({ kind: "calendar", granularity: part.granularity, ...(year && { year: year.year }) }, part.n),
    next: year?.next ?? next,
  };
}

function withPart(period: CalendarPeriod, n: number): CalendarPeriod {
  if (period.granularity === "quarter") return { ...period, quarter: n as 1 | 2 | 3 | 4 };
  return { ...period, half: n as 1 | 2 };
}

/** "2024", "of 2024", "of the year 2024", ", 2024", "'24" is not read (too easily a quantity). */
function yearAfter(tokens: AnnotatedToken[], k: number): { year: number; next: number } | null {
  let at = k;
  if (tokens[at]?.normal === "of" || tokens[at]?.normal === ",") at++;
  if (tokens[at]?.normal === "the" && tokens[at + 1]?.lemma === "year") at += 2;
  const year = yearAt(tokens, at);
  return year !== undefined ? { year, next: at + 1 } : null;
}

/** "March", "March 2024", "March of 2024", "March 15, 2005", "Jan 15th 2018", "Jan 1-7 2025". */
function readMonthFirst(tokens: AnnotatedToken[], prompt: string, i: number): CalendarRead | null {
  const month = monthOf(tokens[i]);
  if (month === undefined) return null;
  if (isDay(tokens[i + 1])) {
    const year = yearAfter(tokens, i + 2);
    const end = year?.next ?? i + 2;
    const period = readDay(prompt.slice(tokens[i].span.start, tokens[end - 1].span.end));
    if (period) return { period, next: end };
  }
  const year = yearAfter(tokens, i + 1);
  return {
    period: { kind: "calendar", granularity: "month", month, ...(year && { year: year.year }) },
    next: year?.next ?? i + 1,
  };
}

/** "5 March 2024", "1st of March 2024", "the 5th of March" (the "the" belongs to the operator). */
function readDayFirst(tokens: AnnotatedToken[], prompt: string, i: number): CalendarRead | null {
  if (!isDay(tokens[i])) return null;
  const at = tokens[i + 1]?.normal === "of" ? i + 2 : i + 1;
  if (monthOf(tokens[at]) === undefined) return null;
  const year = yearAfter(tokens, at + 1);
  const end = year?.next ?? at + 1;
  const period = readDay(prompt.slice(tokens[i].span.start, tokens[end - 1].span.end));
  return period ? { period, next: end } : null;
}

function readYear(tokens: AnnotatedToken[], i: number): CalendarRead | null {
  const year = yearAt(tokens, i);
  if (year === undefined) return null;
  const code = /^([qh])([1-4])$/i.exec(tokens[i + 1]?.text ?? "");
  if (code) {
    const granularity = code[1].toLowerCase() === "q" ? "quarter" : "half";
    if (+code[2] <= (granularity === "quarter" ? 4 : 2))
      return { period: withPart({ kind: "calendar", granularity, year }, +code[2]), next: i + 2 };
  }
  return { period: { kind: "calendar", granularity: "year", year }, next: i + 1 };
}

function isDay(t: AnnotatedToken | undefined): boolean {
  if (!t) return false;
  if (/^\d{1,2}[-\u2013]\d{1,2}$/.test(t.text)) return true;
  const n = t.number;
  return !!n && Number.isInteger(n.value) && n.value >= 1 && n.value <= 31 && n.written === "digits" && !n.unit;
}

/** A day, or a run of days, as chrono reads the words; null unless chrono reads all of them. */
function readDay(text: string): CalendarPeriod | null {
  const [found] = chrono.parse(text, REFERENCE);
  if (!found || found.index !== 0 || found.text.length < text.replace(/[\s,.]+$/, "").length) return null;
  const { start, end } = found;
  if (!start.isCertain("month") || !start.isCertain("day")) return null;
  const period: CalendarPeriod = {
    kind: "calendar",
    granularity: "day",
    month: start.get("month")!,
    day: start.get("day")!,
  };
  if (start.isCertain("year")) period.year = start.get("year")!;
  if (end && end.get("month") === period.month && end.get("day")! > period.day!) period.lastDay = end.get("day")!;
  return period;
}
