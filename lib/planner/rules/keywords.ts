import type { AggregateFn } from "@/lib/spec/output-column";
import type { ComparisonOp, TimeBucket } from "@/lib/spec/clauses";

/** Aggregate words, longest first so "number of distinct" wins over "number of". */
export const AGGREGATE_WORDS: [string, AggregateFn][] = [
  ["number of distinct", "count_distinct"],
  ["number of unique", "count_distinct"],
  ["count of distinct", "count_distinct"],
  ["count of unique", "count_distinct"],
  ["distinct count of", "count_distinct"],
  ["unique count of", "count_distinct"],
  ["distinct number of", "count_distinct"],
  ["count distinct", "count_distinct"],
  ["count unique", "count_distinct"],
  ["distinct count", "count_distinct"],
  ["how many distinct", "count_distinct"],
  ["how many unique", "count_distinct"],
  ["number of", "count"],
  ["count of", "count"],
  ["how many", "count"],
  ["count", "count"],
  ["counts", "count"],
  ["sum of", "sum"],
  ["total of", "sum"],
  ["total", "sum"],
  ["sum", "sum"],
  ["totals", "sum"],
  ["summed", "sum"],
  ["average of", "avg"],
  ["average", "avg"],
  ["avg", "avg"],
  ["mean", "avg"],
  ["minimum", "min"],
  ["min", "min"],
  ["smallest", "min"],
  ["lowest", "min"],
  ["earliest", "min"],
  ["first", "min"],
  ["oldest", "min"],
  ["cheapest", "min"],
  ["maximum", "max"],
  ["max", "max"],
  ["largest", "max"],
  ["biggest", "max"],
  ["highest", "max"],
  ["latest", "max"],
  ["most recent", "max"],
  ["last", "max"],
  ["newest", "max"],
  ["most expensive", "max"],
];

/** Superlatives that rank rows ("the 3 largest orders") and the direction they sort in. */
export const RANK_WORDS: [string, "asc" | "desc", "measure" | "date"][] = [
  ["most expensive", "desc", "measure"],
  ["largest", "desc", "measure"],
  ["biggest", "desc", "measure"],
  ["highest", "desc", "measure"],
  ["top", "desc", "measure"],
  ["best", "desc", "measure"],
  ["smallest", "asc", "measure"],
  ["lowest", "asc", "measure"],
  ["cheapest", "asc", "measure"],
  ["bottom", "asc", "measure"],
  ["worst", "asc", "measure"],
  ["most recent", "desc", "date"],
  ["latest", "desc", "date"],
  ["newest", "desc", "date"],
  ["oldest", "asc", "date"],
  ["earliest", "asc", "date"],
];

export const GRAIN_WORDS = [
  "broken down by",
  "grouped by",
  "group by",
  "split by",
  "for each",
  "for every",
  "per",
  "by",
  "each",
];
export const TIME_UNITS: Record<string, TimeBucket> = {
  day: "day",
  days: "day",
  week: "week",
  weeks: "week",
  month: "month",
  months: "month",
  quarter: "quarter",
  quarters: "quarter",
  year: "year",
  years: "year",
};
export const TIME_ADVERBS: Record<string, TimeBucket> = {
  daily: "day",
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
  yearly: "year",
  annually: "year",
  annual: "year",
};

/** Comparison words, longest first. */
export const COMPARISON_WORDS: [string, ComparisonOp][] = [
  ["is greater than or equal to", ">="],
  ["is less than or equal to", "<="],
  ["greater than or equal to", ">="],
  ["less than or equal to", "<="],
  ["is not equal to", "!="],
  ["not equal to", "!="],
  ["is equal to", "="],
  ["equal to", "="],
  ["is not", "!="],
  ["equals", "="],
  ["is more than", ">"],
  ["is greater than", ">"],
  ["is higher than", ">"],
  ["is less than", "<"],
  ["is lower than", "<"],
  ["more than", ">"],
  ["greater than", ">"],
  ["higher than", ">"],
  ["larger than", ">"],
  ["bigger than", ">"],
  ["over", ">"],
  ["above", ">"],
  ["exceeds", ">"],
  ["exceeding", ">"],
  ["at least", ">="],
  ["no less than", ">="],
  ["not less than", ">="],
  ["minimum of", ">="],
  ["less than", "<"],
  ["lower than", "<"],
  ["smaller than", "<"],
  ["fewer than", "<"],
  ["under", "<"],
  ["below", "<"],
  ["at most", "<="],
  ["no more than", "<="],
  ["not more than", "<="],
  ["up to", "<="],
  ["maximum of", "<="],
  ["is", "="],
];

export const ORDER_WORDS = [
  "ordered by",
  "order by",
  "sorted by",
  "sort by",
  "sorting by",
  "ranked by",
  "rank by",
  "rank them by",
  "sort them by",
  "order them by",
];
export const DIRECTION_WORDS: [string, "asc" | "desc"][] = [
  ["descending", "desc"],
  ["desc", "desc"],
  ["ascending", "asc"],
  ["asc", "asc"],
  ["highest first", "desc"],
  ["largest first", "desc"],
  ["biggest first", "desc"],
  ["most first", "desc"],
  ["newest first", "desc"],
  ["most recent first", "desc"],
  ["latest first", "desc"],
  ["lowest first", "asc"],
  ["smallest first", "asc"],
  ["oldest first", "asc"],
  ["earliest first", "asc"],
  ["high to low", "desc"],
  ["low to high", "asc"],
];

export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  fifty: 50,
  hundred: 100,
};

/** Unit conversions on a column: "weight in kilograms" reads weight_grams / 1000. */
export const UNIT_CONVERSIONS: { from: string[]; to: string[]; op: "/" | "*"; factor: number }[] = [
  { from: ["gram"], to: ["kilograms", "kilogram", "kg", "kilos"], op: "/", factor: 1000 },
  { from: ["cent"], to: ["dollars", "dollar", "euros", "euro", "units"], op: "/", factor: 100 },
  { from: ["millisecond", "ms"], to: ["seconds", "second", "secs", "sec"], op: "/", factor: 1000 },
  { from: ["millisecond", "ms"], to: ["minutes", "minute", "mins", "min"], op: "/", factor: 60000 },
  { from: ["byte", "bytes"], to: ["kilobytes", "kb"], op: "/", factor: 1024 },
  { from: ["byte", "bytes"], to: ["megabytes", "mb"], op: "/", factor: 1048576 },
];

export const ARITHMETIC_WORDS: [string, "+" | "-" | "*" | "/"][] = [
  ["multiplied by", "*"],
  ["divided by", "/"],
  ["minus", "-"],
  ["less", "-"],
  ["plus", "+"],
  ["times", "*"],
  ["-", "-"],
  ["+", "+"],
  ["*", "*"],
  ["/", "/"],
];

/** Words that carry no meaning for the plan; anything else left unread is a rejection. */
export const FILLER = new Set(
  `a an the of for and with from in on to at all their its his her them they that which who whose i me my we our us you your please
  calculate compute show list give get find build create make produce return generate want need would like could can table tables
  dataset data result results row rows record records then using use combine combined joined join merge merged also just only
  new one is are was were be been have has had it this these those there where what how summary summarize summarise aggregate
  aggregated report view information info details detail including include includes along together together plus showing
  shows want display see each every per by do does did let lets let's into as so or than value values column columns field
  fields some any both either entries entry figure figures metric metrics kpi kpis across over time corresponding respective
  related associated matching linked made placed having got sold bought purchased ordered`.split(/\s+/),
);

/** Every multi-word keyword, for the tokenizer's tie-break against catalog phrases. */
export const KEYWORD_PHRASES = new Set<string>([
  ...AGGREGATE_WORDS.map(([w]) => w),
  ...RANK_WORDS.map(([w]) => w),
  ...GRAIN_WORDS,
  ...Object.keys(TIME_UNITS),
  ...Object.keys(TIME_ADVERBS),
  ...COMPARISON_WORDS.map(([w]) => w),
  ...ORDER_WORDS,
  ...DIRECTION_WORDS.map(([w]) => w),
  ...ARITHMETIC_WORDS.map(([w]) => w),
  "top",
  "bottom",
  "limit",
  "distinct",
  "unique",
  "without",
  "with no",
  "missing",
  "not",
  "excluding",
  "except",
  "other than",
]);
