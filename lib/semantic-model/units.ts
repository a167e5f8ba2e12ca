import { isMoneyType, numericScale, typeFamily } from "./column-types";
import type { Unit } from "./model-schema";

// Words that name a unit outright, wherever they stand in a column's name ("duration_ms",
// "milliseconds", "weight_grams", "amount_cents"). Abbreviations are written out before this.
const UNIT_WORDS: Record<string, Unit> = {
  cents: "cents",
  cent: "cents",
  milliseconds: "ms",
  millis: "ms",
  msec: "ms",
  seconds: "s",
  minutes: "min",
  hours: "h",
  days: "days",
  grams: "g",
  gram: "g",
  kilograms: "kg",
  kg: "kg",
  bytes: "bytes",
  kilobytes: "kb",
  kb: "kb",
  megabytes: "mb",
  mb: "mb",
  gigabytes: "gb",
  gb: "gb",
  percent: "percent",
  percentage: "percent",
};

// Words that make a decimal column money. Exact decimals with two places (`numeric(10,2)`) are
// how money is kept; an inexact type (`real`) counts only with a word that is never a count.
const MONEY_WORDS = new Set([
  "price",
  "amount",
  "cost",
  "total",
  "revenue",
  "sales",
  "fee",
  "payment",
  "balance",
  "salary",
  "spend",
  "charge",
  "tax",
  "subtotal",
  "freight",
]);
const STRONG_MONEY_WORDS = new Set(["price", "cost", "revenue", "salary", "fee", "spend", "charge"]);
// Words that name what a whole row is worth ("invoice total", "order amount"): an exact decimal
// whose name ends in one is money even with no declared scale. A component of the worth (tax,
// freight) or a total of something else ("total weight") is not read as money from the name alone.
const WORTH_WORDS = new Set(["total", "amount", "subtotal"]);
const EXACT_DECIMAL = /^(numeric|decimal)$/;
// Money kept as a whole number is kept in its smallest unit, so that no cent is lost: an integer
// "amount" or "price" is cents (a payment's `amount integer`, a product's `price_cents`-style
// `unit_amount`). Salaries and totals are often whole currency units or counts, and stay unread.
const WHOLE_NUMBER_MONEY_WORDS = new Set(["amount", "price"]);

/** General words for what a unit measures, so "longest" or "heaviest" finds the column. */
const QUANTITY_WORDS: Partial<Record<Unit, string[]>> = {
  ms: ["duration", "length", "time"],
  s: ["duration", "length", "time"],
  min: ["duration", "length", "time"],
  h: ["duration", "length", "time"],
  days: ["duration", "length"],
  g: ["weight"],
  kg: ["weight"],
  bytes: ["size"],
  kb: ["size"],
  mb: ["size"],
  gb: ["size"],
  percent: ["percentage", "rate"],
};

/**
 * The unit of a numeric column from its (expanded) words and type: `amount_cents` is cents,
 * `milliseconds` ms, `weight_grams` g, a `numeric(10,2)` price money, an integer amount cents. Undefined when neither
 * the name nor the type says.
 */
export function unitOf(words: string[], dataType: string): Unit | undefined {
  for (const word of words) if (Object.hasOwn(UNIT_WORDS, word)) return UNIT_WORDS[word];
  if (isMoneyType(dataType)) return "currency";
  if (typeFamily(dataType) === "integer" && WHOLE_NUMBER_MONEY_WORDS.has(words[words.length - 1] ?? "")) return "cents";
  if (numericScale(dataType) === 2 && words.some((w) => MONEY_WORDS.has(w))) return "currency";
  if (
    typeFamily(dataType) === "decimal" &&
    numericScale(dataType) === undefined &&
    words.some((w) => STRONG_MONEY_WORDS.has(w))
  )
    return "currency";
  if (EXACT_DECIMAL.test(dataType.trim().toLowerCase()) && WORTH_WORDS.has(words[words.length - 1] ?? ""))
    return "currency";
  return undefined;
}

/** Whether a unit is an amount of money. */
export const isMoneyUnit = (unit: Unit | undefined) => unit === "currency" || unit === "cents";

/** The general words for what `unit` measures (empty for money: see moneyWords). */
export const quantityWords = (unit: Unit | undefined): string[] => (unit ? (QUANTITY_WORDS[unit] ?? []) : []);

/** The unit words themselves, dropped from a column's words to get what it measures ("weight grams" → weight). */
export const isUnitWord = (word: string) => Object.hasOwn(UNIT_WORDS, word);
