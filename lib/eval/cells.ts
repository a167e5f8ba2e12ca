/** A value as the comparison sees it: a number, a day or an instant as ISO text, other text, or NULL. */
export type Cell = number | string | null;

/**
 * How far two numbers may be apart and still be the same value, relative to the larger of them
 * (and absolute below 1). A float sum and the numeric gold it approximates (6683.7007 against
 * 6683.70) agree; 7.00 and 7.01 do not.
 */
export const RELATIVE_TOLERANCE = 1e-6;

// Only the way Postgres prints a number: "02134" is a code and stays text.
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?(e[-+]?\d+)?$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A day when the instant is a midnight (in UTC, as a `date` arrives, or local, as a `timestamp`
 * without zone arrives from the driver), so a date and its midnight timestamp agree.
 */
function dateCell(value: Date): string {
  if (Number.isNaN(value.getTime())) return "Invalid Date";
  const iso = value.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  if (value.getHours() === 0 && value.getMinutes() === 0 && value.getSeconds() === 0 && value.getMilliseconds() === 0) {
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return iso;
}

/** Postgres's "2024-03-01 10:00:00+01" as ISO 8601; text without a zone is read as UTC. */
function isoInstant(text: string): string {
  const [, local, zone = "Z"] = /^(.*?)(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text.replace(" ", "T"))!;
  if (zone.toUpperCase() === "Z") return `${local}Z`;
  const digits = zone.replace(":", "");
  return `${local}${digits.slice(0, 3)}:${digits.slice(3, 5) || "00"}`;
}

/** Reads a value from the driver (or from JSON) into a Cell; the same value always gives the same Cell. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  // Counts and other int8 values: a tolerance of 1e-6 is far wider than what Number loses.
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return dateCell(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  if (NUMBER.test(text)) return Number(text);
  if (INSTANT.test(text)) {
    const instant = new Date(isoInstant(text));
    if (!Number.isNaN(instant.getTime())) return dateCell(instant);
  }
  return text;
}

/** The one equality of the comparison: numbers within RELATIVE_TOLERANCE, everything else exactly. */
export function sameCell(a: Cell, b: Cell): boolean {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return a === b;
}

const rank = (c: Cell) => (c === null ? 0 : typeof c === "number" ? 1 : 2);

/** A total order: NULL, then numbers (NaN last), then text by code unit. */
export function orderCells(a: Cell, b: Cell): number {
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
}
