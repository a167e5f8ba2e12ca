import type { Unit } from "./model-schema";

// Each convertible unit as a multiple of the smallest of its kind. Money is kept in the
// warehouse's one currency, so `currency` converts only to and from its cents.
const SCALE: Partial<Record<Unit, { kind: string; size: number }>> = {
  ms: { kind: "time", size: 1 },
  s: { kind: "time", size: 1_000 },
  min: { kind: "time", size: 60_000 },
  h: { kind: "time", size: 3_600_000 },
  days: { kind: "time", size: 86_400_000 },
  g: { kind: "mass", size: 1 },
  kg: { kind: "mass", size: 1_000 },
  bytes: { kind: "data", size: 1 },
  kb: { kind: "data", size: 1_024 },
  mb: { kind: "data", size: 1_048_576 },
  gb: { kind: "data", size: 1_073_741_824 },
  cents: { kind: "money", size: 1 },
  currency: { kind: "money", size: 100 },
};

/**
 * How a column kept in `stored` units reads in `wanted` units: `wanted = stored / divide`, or
 * `stored * multiply`, whole numbers either way (60000 ms to the minute, 100 cents to the
 * dollar). Undefined when the two do not measure the same thing (minutes of a weight).
 */
export type Conversion = { divide: number } | { multiply: number };

export function conversionOf(stored: Unit | undefined, wanted: Unit): Conversion | undefined {
  const from = stored && SCALE[stored];
  const to = SCALE[wanted];
  if (!from || !to || from.kind !== to.kind) return undefined;
  return to.size >= from.size ? { divide: to.size / from.size } : { multiply: from.size / to.size };
}

/** A quantity said in `wanted` units, in the column's `stored` units ("7 minutes" → 420000 ms). */
export function toStoredUnits(quantity: number, conversion: Conversion): number {
  const stored = "divide" in conversion ? quantity * conversion.divide : quantity / conversion.multiply;
  // 19.99 dollars is 1999 cents, not 1998.9999999999998.
  return Number(stored.toPrecision(12));
}

/** SQL that reads `column` (already quoted) in the wanted unit: exact numeric division, never integer division. */
export function convertedSql(column: string, conversion: Conversion): string {
  return "divide" in conversion ? `${column} / ${conversion.divide}.0` : `${column} * ${conversion.multiply}`;
}
