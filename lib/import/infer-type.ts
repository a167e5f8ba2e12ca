import type { ColumnType } from "./types";

// Patterns are a strict subset of what Postgres accepts for each type, so a column that passes
// the scan never fails in COPY. Leading zeros stay text: "02134" is a code, not a number.
const INTEGER = /^[+-]?(?:0|[1-9]\d*)$/;
const NUMERIC = /^[+-]?(?:(?:0|[1-9]\d*)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;
const BOOLEAN = /^(?:true|false|t|f|yes|no|y|n)$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-](?:0\d|1[0-5])(?::?[0-5]\d)?)?$/;

const INT4_MAX = 2147483647n;
const INT8_MAX = 9223372036854775807n;

function fitsInt(value: string, max: bigint): boolean {
  // Short values cannot overflow; only long ones pay for a BigInt.
  const digits = value.length - (value[0] === "-" || value[0] === "+" ? 1 : 0);
  if (digits < 10) return true;
  if (digits > 19) return false;
  const n = BigInt(value);
  return n <= max && n >= -max - 1n;
}

function isRealDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/** The narrowest type that holds `value` (a non-NULL CSV field). */
export function typeOfValue(value: string): ColumnType {
  if (INTEGER.test(value))
    return fitsInt(value, INT4_MAX) ? "integer" : fitsInt(value, INT8_MAX) ? "bigint" : "numeric";
  if (NUMERIC.test(value)) return "numeric";
  if (BOOLEAN.test(value)) return "boolean";
  const date = DATE.exec(value);
  if (date) return isRealDate(date[1], date[2], date[3]) ? "date" : "text";
  const ts = TIMESTAMP.exec(value);
  if (ts && isRealDate(ts[1], ts[2], ts[3]) && Number(ts[4]) < 24 && Number(ts[5]) < 60 && Number(ts[6] ?? 0) < 60) {
    return ts[7] ? "timestamptz" : "timestamp";
  }
  return "text";
}

const NUMBERS: ColumnType[] = ["integer", "bigint", "numeric"];
const TIMES: ColumnType[] = ["date", "timestamp"];

/** The narrowest type that holds values of both `a` and `b`; `null` is a column with no values yet. */
export function widenType(a: ColumnType | null, b: ColumnType): ColumnType {
  if (a === null || a === b) return b;
  for (const family of [NUMBERS, TIMES]) {
    const i = family.indexOf(a);
    const j = family.indexOf(b);
    if (i >= 0 && j >= 0) return family[Math.max(i, j)];
  }
  // Mixing families (or offsets with local times) has no faithful common type.
  return "text";
}

/**
 * Infers one column's type from its values, one at a time. A column with no values at all
 * (empty, or all NULL) is text.
 */
export class TypeInference {
  private current: ColumnType | null = null;

  add(value: string): void {
    // Once text, no value can change the answer: skip the classification.
    if (this.current !== "text") this.current = widenType(this.current, typeOfValue(value));
  }

  get type(): ColumnType {
    return this.current ?? "text";
  }
}
