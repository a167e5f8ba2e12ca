/** Calendar steps a date parameter moves by (an offset in a placeholder, a backfill period). */
export type DateUnit = "day" | "week" | "month" | "year";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

/**
 * `iso` moved by `count` units. Months and years keep the day of the month, clamped to the
 * month's last day (2024-01-31 + 1 month = 2024-02-29).
 */
export function addToDate(iso: string, count: number, unit: DateUnit): string {
  const date = toDate(iso);
  if (unit === "day" || unit === "week") {
    date.setUTCDate(date.getUTCDate() + count * (unit === "week" ? 7 : 1));
    return toIso(date);
  }
  const months = count * (unit === "year" ? 12 : 1);
  const day = date.getUTCDate();
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return toIso(first);
}

/**
 * The calendar distance from `from` to `to` in the largest whole unit: 2024-01-01 → 2024-04-01
 * is 3 months, 2024-01-01 → 2024-01-08 is 1 week. Null when `to` is not after `from`.
 */
export function calendarDistance(from: string, to: string): { count: number; unit: DateUnit } | null {
  const a = toDate(from);
  const b = toDate(to);
  if (b <= a) return null;
  if (a.getUTCDate() === b.getUTCDate()) {
    const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
    return months % 12 === 0 ? { count: months / 12, unit: "year" } : { count: months, unit: "month" };
  }
  const days = Math.round((b.getTime() - a.getTime()) / 86_400_000);
  return days % 7 === 0 ? { count: days / 7, unit: "week" } : { count: days, unit: "day" };
}

/** Every date from `from` stepping by one `unit` while it is not after `to`, in order. */
export function datesBetween(from: string, to: string, unit: DateUnit, limit = 1000): string[] {
  const dates: string[] = [];
  for (let step = 0; ; step++) {
    const date = addToDate(from, step, unit);
    if (date > to) return dates;
    if (dates.length >= limit) throw new RangeError(`The range holds more than ${limit} periods.`);
    dates.push(date);
  }
}
