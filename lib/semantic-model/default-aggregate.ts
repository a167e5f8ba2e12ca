import type { Unit } from "./model-schema";

// A measure is summed unless it is intensive: a figure about one row (a price per unit, a rate,
// a score, an age, a limit) whose sum over rows means nothing; those are averaged. Amounts,
// quantities, counts, durations, sizes and weights add up across rows, so they are summed.
const INTENSIVE_WORDS = new Set([
  "price",
  "rate",
  "ratio",
  "percent",
  "percentage",
  "average",
  "mean",
  "median",
  "score",
  "rating",
  "age",
  "discount",
  "margin",
  "expectancy",
  "latitude",
  "longitude",
  "lat",
  "lng",
  "lon",
  "temperature",
  "probability",
  "share",
  "index",
  "limit",
  "level",
  "each",
  "per",
  "unit",
  "density",
  "speed",
  "frequency",
]);
// "total price", "amount per order": a word that names a sum wins over an intensive one.
const EXTENSIVE_WORDS = new Set(["total", "amount", "sum", "subtotal", "count", "revenue", "sales", "spend"]);

/** Whether words name a sum ("net revenue", "total value"): what they name adds up over rows. */
export const namesAnAmount = (words: string[]): boolean => words.some((w) => EXTENSIVE_WORDS.has(w));

/** The aggregate a request means when it names the measure without one ("revenue by month"). */
export function defaultAggregate(words: string[], unit: Unit | undefined): "sum" | "avg" {
  if (words.some((w) => EXTENSIVE_WORDS.has(w))) return "sum";
  if (unit === "percent" || words.some((w) => INTENSIVE_WORDS.has(w))) return "avg";
  return "sum";
}
