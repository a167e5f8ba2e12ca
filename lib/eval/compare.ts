/** Rows as they come from Postgres: column name → value. */
export type Rows = Record<string, unknown>[];

export type Comparison = { same: true } | { same: false; reason: string };

const RELATIVE = 1e-6;

/** Numbers as numbers, dates as ISO days or instants, text as text, NULL as null. */
function normalise(value: unknown): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, "");
  if (typeof value === "boolean") return String(value);
  const text = String(value);
  if (/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text)) return Number(text);
  return text.replace(/^(\d{4}-\d{2}-\d{2})[ T]00:00:00(\.0+)?(Z|\+00(:00)?)?$/, "$1");
}

const close = (a: number | string | null, b: number | string | null) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= RELATIVE * Math.max(1, Math.abs(a), Math.abs(b)) : a === b;

const order = (a: number | string | null, b: number | string | null) =>
  a === null ? (b === null ? 0 : -1) : b === null ? 1 : typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;

function column(rows: Rows, name: string) {
  return rows.map((row) => normalise(row[name])).sort(order);
}

/** Rounded so that values equal within tolerance usually share a key. */
const keyPart = (v: number | string | null) => (typeof v === "number" ? v.toPrecision(7) : JSON.stringify(v));

/**
 * Whether the built table answers the gold query: the same number of rows, and every gold column
 * matched by a distinct built column so that the rows agree as a multiset. Column names and order
 * do not matter, extra built columns are allowed, numbers agree within a relative 1e-6.
 */
export function compareResults(gold: Rows, built: Rows): Comparison {
  if (gold.length !== built.length) return { same: false, reason: `${built.length} rows, expected ${gold.length}` };
  if (gold.length === 0) return { same: true };
  const goldColumns = Object.keys(gold[0]);
  const builtColumns = Object.keys(built[0]);
  const goldValues = new Map(goldColumns.map((c) => [c, column(gold, c)]));
  const builtValues = new Map(builtColumns.map((c) => [c, column(built, c)]));
  const candidates = goldColumns.map((g) => builtColumns.filter((b) => goldValues.get(g)!.every((v, i) => close(v, builtValues.get(b)![i]))));
  const missing = goldColumns.filter((_, i) => candidates[i].length === 0);
  if (missing.length > 0) return { same: false, reason: `no column holds the expected values of ${missing.join(", ")}` };

  const goldKeys = gold.map((row) => goldColumns.map((c) => keyPart(normalise(row[c]))).join("|")).sort();
  // Try each assignment of distinct built columns to gold columns (there is almost always one).
  const assign = (i: number, used: string[]): boolean => {
    if (i === goldColumns.length) {
      const builtKeys = built.map((row) => used.map((c) => keyPart(normalise(row[c]))).join("|")).sort();
      return builtKeys.every((key, k) => key === goldKeys[k]);
    }
    return candidates[i].some((c) => !used.includes(c) && assign(i + 1, [...used, c]));
  };
  return assign(0, []) ? { same: true } : { same: false, reason: "the columns hold the expected values, but not in the same rows" };
}
