import * as chrono from "chrono-node";

/** A half-open date range [from, to) read from the prompt. */
export type DateRange = { from?: string; to?: string; text: string; start: number; end: number };

type Period = { start: Date; end: Date };

const MONTHS =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
// One date expression: ISO day or month, "March 5, 2024", "5 March 2024", "March 2024", "Q1 2024", a year.
const DATE = `(?:\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}|(?:${MONTHS})\\.?,?\\s+\\d{4}|q[1-4]\\s+\\d{4}|(?:19|20)\\d{2})`;
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray, now: Date) => Pick<DateRange, "from" | "to"> | null }[] = [
  {
    re: new RegExp(`\\bbetween\\s+(${DATE})\\s+and\\s+(${DATE})\\b`, "gi"),
    read: (m) => span(period(m[1]), period(m[2]), "start", "end"),
  },
  {
    re: new RegExp(`\\bfrom\\s+(${DATE})\\s+(?:to|until|through|till)\\s+(${DATE})\\b`, "gi"),
    read: (m) => span(period(m[1]), period(m[2]), "start", "end"),
  },
  {
    re: new RegExp(`\\b(?:since|from|starting(?:\\s+from|\\s+in)?|on\\s+or\\s+after)\\s+(${DATE})\\b`, "gi"),
    read: (m) => span(period(m[1]), null, "start"),
  },
  { re: new RegExp(`\\bafter\\s+(${DATE})\\b`, "gi"), read: (m) => span(period(m[1]), null, "end") },
  {
    re: new RegExp(`\\b(?:before|prior\\s+to)\\s+(${DATE})\\b`, "gi"),
    read: (m) => span(null, period(m[1]), undefined, "start"),
  },
  {
    re: new RegExp(`\\b(?:until|through|up\\s+to|till)\\s+(${DATE})\\b`, "gi"),
    read: (m) => span(null, period(m[1]), undefined, "end"),
  },
  {
    re: new RegExp(`\\b(?:in|on|during|for|of|within)\\s+(${DATE})\\b`, "gi"),
    read: (m) => span(period(m[1]), period(m[1]), "start", "end"),
  },
  {
    re: /\b(?:in\s+|over\s+|during\s+|within\s+)?(?:the\s+)?(?:last|past|previous)\s+(\d+|\w+)\s+(day|week|month|year)s?\b/gi,
    read: (m, now) => lastN(m[1], m[2], now),
  },
  { re: /\b(\d{4}-\d{2}-\d{2})\b/g, read: (m) => span(period(m[1]), period(m[1]), "start", "end") },
  {
    re: /\b(this|last|previous)\s+(year|month)\b/gi,
    read: (m, now) => calendar(m[1].toLowerCase(), m[2].toLowerCase(), now),
  },
  {
    re: /\b(year\s+to\s+date|ytd)\b/gi,
    read: (_m, now) => ({ from: iso(new Date(Date.UTC(now.getUTCFullYear(), 0, 1))), to: iso(addDays(today(now), 1)) }),
  },
];

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  thirty: 30,
  ninety: 90,
};

/** Finds date phrases ("in 2019", "since March 2024", "last 30 days") and reads their range. */
export function findDateRanges(text: string, now: Date): DateRange[] {
  const found: DateRange[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const range = read(m, now);
      if (range) found.push({ ...range, text: m[0], start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function period(text: string): Period | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { start: utc(+m[1], 0, 1), end: utc(+m[1] + 1, 0, 1) };
  m = /^q([1-4])\s+(\d{4})$/.exec(t);
  if (m) return { start: utc(+m[2], (+m[1] - 1) * 3, 1), end: utc(+m[2], +m[1] * 3, 1) };
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) return +m[2] >= 1 && +m[2] <= 12 ? { start: utc(+m[1], +m[2] - 1, 1), end: utc(+m[1], +m[2], 1) } : null;
  // Everything else is a calendar phrase for chrono; its known fields tell a day from a month.
  const parsed = chrono.parse(text, new Date(Date.UTC(2000, 0, 1)))[0];
  if (!parsed || parsed.text.length < t.length - 1 || !parsed.start.isCertain("year")) return null;
  const year = parsed.start.get("year")!;
  const month = (parsed.start.get("month") ?? 1) - 1;
  if (!parsed.start.isCertain("month")) return { start: utc(year, 0, 1), end: utc(year + 1, 0, 1) };
  if (!parsed.start.isCertain("day")) return { start: utc(year, month, 1), end: utc(year, month + 1, 1) };
  const day = utc(year, month, parsed.start.get("day")!);
  if (day.getUTCMonth() !== month) return null;
  return { start: day, end: addDays(day, 1) };
}

function span(a: Period | null, b: Period | null, fromEdge?: "start" | "end", toEdge?: "start" | "end") {
  if ((fromEdge && !a) || (toEdge && !b)) return null;
  return { from: fromEdge && a ? iso(a[fromEdge]) : undefined, to: toEdge && b ? iso(b[toEdge]) : undefined };
}

function lastN(count: string, unit: string, now: Date) {
  const n = /^\d+$/.test(count) ? Number(count) : WORD_NUMBERS[count.toLowerCase()];
  if (!n || n > 10_000) return null;
  const end = addDays(today(now), 1);
  const u = unit.toLowerCase();
  const start = new Date(today(now));
  if (u === "day") start.setUTCDate(start.getUTCDate() - n + 1);
  if (u === "week") start.setUTCDate(start.getUTCDate() - 7 * n + 1);
  if (u === "month") start.setUTCMonth(start.getUTCMonth() - n);
  if (u === "year") start.setUTCFullYear(start.getUTCFullYear() - n);
  if (u === "month" || u === "year") start.setUTCDate(start.getUTCDate() + 1);
  return { from: iso(start), to: iso(end) };
}

function calendar(which: string, unit: string, now: Date) {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const back = which === "this" ? 0 : 1;
  if (unit === "year") return { from: iso(utc(y - back, 0, 1)), to: iso(utc(y - back + 1, 0, 1)) };
  return { from: iso(utc(y, m - back, 1)), to: iso(utc(y, m - back + 1, 1)) };
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const today = (now: Date) => utc(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);
