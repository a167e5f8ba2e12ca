import type { CalendarPeriod, Period, TimeExpression } from "@/lib/planner/english/time/types";

/** [start, end) of a period as ISO dates. */
export type Bounds = { start: string; end: string };

/**
 * The bounds of a calendar period that has its year; null otherwise. An `edge` period is an
 * instant: start and end are the same day.
 */
export function calendarBounds(p: CalendarPeriod): Bounds | null {
  if (p.year === undefined) return null;
  const y = p.year;
  let start: Date;
  let end: Date;
  if (p.granularity === "year") [start, end] = [utc(y, 0, 1), utc(y + 1, 0, 1)];
  else if (p.granularity === "half") [start, end] = [utc(y, (p.half! - 1) * 6, 1), utc(y, p.half! * 6, 1)];
  else if (p.granularity === "quarter") [start, end] = [utc(y, (p.quarter! - 1) * 3, 1), utc(y, p.quarter! * 3, 1)];
  else if (p.granularity === "month") [start, end] = [utc(y, p.month! - 1, 1), utc(y, p.month!, 1)];
  else [start, end] = [utc(y, p.month! - 1, p.day!), utc(y, p.month! - 1, (p.lastDay ?? p.day!) + 1)];
  if (p.edge === "start") end = start;
  if (p.edge === "end") start = end;
  return { start: iso(start), end: iso(end) };
}

/**
 * Applies an operator to the bounds of its period(s). `boundsOf` reads one period: the words
 * alone for `expressionRange`, the words and an as-of date for `resolveTimeExpression`.
 */
export function applyOperator(
  expr: TimeExpression,
  boundsOf: (p: Period) => Bounds | null,
): { start?: string; end?: string } | undefined {
  const first = boundsOf(expr.period);
  if (!first) return undefined;
  switch (expr.operator) {
    case "in":
      return { start: first.start, end: first.end };
    case "since":
      return { start: first.start };
    case "after":
      return { start: first.end };
    case "before":
      return { end: first.start };
    case "through":
      return { end: first.end };
    case "between": {
      const second = expr.until ? boundsOf(expr.until) : null;
      return second ? { start: first.start, end: second.end } : undefined;
    }
  }
}

/** The range the words alone fix, or undefined when a period is relative or has no year. */
export function expressionRange(expr: TimeExpression): { start?: string; end?: string } | undefined {
  return applyOperator(expr, (p) => (p.kind === "calendar" ? calendarBounds(p) : null));
}

export function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day));
}

export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
