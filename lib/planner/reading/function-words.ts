import type { AggregateFn } from "@/lib/spec/output-column";
import type { TimeBucket } from "@/lib/spec/clauses";

/**
 * The few English words the grammar itself reads, by meaning: aggregate nouns, superlatives of
 * quantity, calendar units. They are the language's, not a warehouse's: no table or column of
 * any dataset is named here.
 */
export const AGGREGATE_WORDS: Record<string, { fn: AggregateFn; distinct?: boolean }> = {
  total: { fn: "sum" },
  sum: { fn: "sum" },
  totals: { fn: "sum" },
  average: { fn: "avg" },
  avg: { fn: "avg" },
  mean: { fn: "avg" },
  count: { fn: "count" },
  number: { fn: "count" },
  "number of": { fn: "count" },
  "how many": { fn: "count" },
  "count of": { fn: "count" },
  "how much": { fn: "sum" },
  "sum of": { fn: "sum" },
  "total of": { fn: "sum" },
  "average of": { fn: "avg" },
  "the average of": { fn: "avg" },
  max: { fn: "max" },
  maximum: { fn: "max" },
  min: { fn: "min" },
  minimum: { fn: "min" },
};

/**
 * Words for a part of a whole ("share of revenue", "what % of orders"), and whether the part is
 * given in percent: "share" and "percentage" are read as analysts write them, out of 100.
 */
export const SHARE_WORDS: Record<string, { percent: boolean }> = {
  share: { percent: true },
  percentage: { percent: true },
  percent: { percent: true },
  "%": { percent: true },
  proportion: { percent: false },
  fraction: { percent: false },
};

/** Words that make a count distinct ("how many different customers"). */
export const DISTINCT_WORDS = new Set(["different", "distinct", "unique"]);

/** Superlatives of quantity: they rank by whatever measure follows ("the most tracks"). */
export const QUANTITY_SUPERLATIVES: Record<string, "desc" | "asc"> = {
  most: "desc",
  highest: "desc",
  largest: "desc",
  biggest: "desc",
  greatest: "desc",
  least: "asc",
  fewest: "asc",
  lowest: "asc",
  smallest: "asc",
};

export const CALENDAR_UNITS: Record<string, TimeBucket> = {
  day: "day",
  daily: "day",
  week: "week",
  weekly: "week",
  month: "month",
  monthly: "month",
  quarter: "quarter",
  quarterly: "quarter",
  year: "year",
  yearly: "year",
  annual: "year",
  annually: "year",
};

/** Parts of speech that carry no content of their own: read by the grammar or safely left out. */
export const FUNCTION_POS = new Set([
  "DET",
  "ADP",
  "PRON",
  "AUX",
  "CCONJ",
  "SCONJ",
  "PART",
  "PUNCT",
  "INTJ",
  "ADV",
  "SYM",
  "SPACE",
]);

/**
 * Words that say nothing about the table: abbreviations that introduce an explanation ("i.e.",
 * "e.g."), politeness, and nouns for the result itself ("I need a table of…", "a quick report
 * with…"). Left out of the reading, like function words, when nothing in the model reads them.
 */
export const FILLER_WORDS = new Set([
  "i.e.",
  "e.g.",
  "ie",
  "eg",
  "etc",
  "etc.",
  "viz.",
  "please",
  "pls",
  "plz",
  "thanks",
  "thank",
  "cheers",
  "hi",
  "hello",
  "hey",
  "table",
  "report",
  "overview",
  "summary",
]);

/**
 * Nouns for the store the rows are kept in. After "on" or "in" at the end of a clause ("no email
 * on file", "albums in the catalog", "orders in our system") they say the rows are recorded, which
 * every row is: the phrase adds nothing to the table. Read so only when the model has no such word.
 */
export const STORE_NOUNS = new Set(["file", "record", "catalog", "catalogue", "database", "system"]);
