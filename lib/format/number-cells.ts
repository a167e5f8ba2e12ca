// Integers and floats arrive as JSON numbers, bigint and numeric as strings of digits. Leading
// zeros (zip codes) mark text, not a number.
const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const DECIMAL = /^(-?\d+)\.(\d+)$/;
/** Past this many decimals a value is rounded for display: amounts keep their cents. */
const MAX_DECIMALS = 4;

/** Whether a cell holds a number, as a JSON number or as the digits Postgres prints. */
export const isNumberCell = (value: unknown): value is number | string =>
  (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && NUMBER_TEXT.test(value));

/** The columns whose non-null cells are all numbers (and at least one is not null): they align right, as in psql. */
export function numericColumns(columns: string[], rows: Record<string, unknown>[]): Set<string> {
  return new Set(
    columns.filter((c) => rows.some((r) => r[c] != null) && rows.every((r) => r[c] == null || isNumberCell(r[c]))),
  );
}

/**
 * A number as a grid shows it: integers and values with up to four decimals as they are; an
 * average's sixteen decimals rounded to two (three significant digits below 1), so a column
 * reads at a glance. The exact value stays available to the caller (e.g. as a tooltip).
 */
export function formatNumberCell(value: number | string): string {
  const text = String(value);
  const decimal = DECIMAL.exec(text);
  if (!decimal || decimal[2].length <= MAX_DECIMALS) return text;
  const n = Number(text);
  // Beyond 15 significant digits a double would change the integer part: cut the fraction instead.
  if (decimal[1].replace("-", "").length > 15) return `${decimal[1]}.${decimal[2].slice(0, 2)}`;
  if (Math.abs(n) >= 1) return n.toFixed(2);
  if (n === 0) return "0";
  const rounded = Number(n.toPrecision(3));
  return Math.abs(rounded) >= 1e-6 ? String(rounded) : rounded.toExponential();
}
