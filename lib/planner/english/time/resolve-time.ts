import { applyOperator, type Bounds, calendarBounds, iso, utc } from "@/lib/planner/english/time/period-range";
import type {
  CalendarPeriod,
  Period,
  RelativePeriod,
  RelativeUnit,
  TimeExpression,
} from "@/lib/planner/english/time/types";

/**
 * The half-open range a time phrase selects, given the as-of date (an ISO day that the caller
 * supplies: this layer never reads the clock). Relative periods count from it; a period
 * without a year ("since March") is its latest occurrence that has begun by then. Weeks start
 * on Monday; a rolling window ends with the as-of day ("last 30 days" on 2025-06-15 →
 * [2025-05-17, 2025-06-16)).
 */
export function resolveTimeExpression(
  expr: TimeExpression,
  asOf: string,
): { start?: string; end?: string } | undefined {
  const day = parseDay(asOf);
  return applyOperator(expr, (p) => boundsAt(p, day));
}

function boundsAt(p: Period, asOf: Date): Bounds | null {
  if (p.kind === "relative") return relativeBounds(p, asOf);
  if (p.year !== undefined) return calendarBounds(p);
  return latestOccurrence(p, asOf);
}

function latestOccurrence(p: CalendarPeriod, asOf: Date): Bounds | null {
  const year = asOf.getUTCFullYear();
  for (const y of [year, year - 1]) {
    const bounds = calendarBounds({ ...p, year: y });
    if (bounds && bounds.start <= iso(asOf)) return bounds;
  }
  return null;
}

function relativeBounds(p: RelativePeriod, asOf: Date): Bounds {
  const current = startOf(p.unit, asOf);
  const dayAfter = add(asOf, "day", 1);
  switch (p.anchor) {
    case "current":
      return { start: iso(current), end: iso(add(current, p.unit, 1)) };
    case "previous":
      return { start: iso(add(current, p.unit, -p.count)), end: iso(current) };
    case "next":
      return { start: iso(add(current, p.unit, 1)), end: iso(add(current, p.unit, 1 + p.count)) };
    case "rolling":
      return { start: iso(add(dayAfter, p.unit, -p.count)), end: iso(dayAfter) };
    case "to-date":
      return { start: iso(current), end: iso(dayAfter) };
    case "ago": {
      const instant = iso(add(asOf, p.unit, -p.count));
      return { start: instant, end: instant };
    }
  }
}

function startOf(unit: RelativeUnit, d: Date): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (unit === "year") return utc(y, 0, 1);
  if (unit === "quarter") return utc(y, m - (m % 3), 1);
  if (unit === "month") return utc(y, m, 1);
  if (unit === "week") return utc(y, m, d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return utc(y, m, d.getUTCDate());
}

function add(d: Date, unit: RelativeUnit, n: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  if (unit === "day") return utc(y, m, day + n);
  if (unit === "week") return utc(y, m, day + 7 * n);
  const months = unit === "year" ? 12 * n : unit === "quarter" ? 3 * n : n;
  // Clamp to the month's last day: a month back from 31 March is 29 February, not 2 March.
  const last = new Date(Date.UTC(y, m + months + 1, 0)).getUTCDate();
  return utc(y, m + months, Math.min(day, last));
}

function parseDay(asOf: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!m) throw new Error(`as-of date must be YYYY-MM-DD, got ${asOf}`);
  return utc(+m[1], +m[2] - 1, +m[3]);
}
