import type { ComparisonSymbol } from "@/lib/planner/english/types";

// Closed classes of function words that the chunker needs by name. Open-class words (nouns,
// verbs, adjectives) are read from their part of speech, never listed here.

/** Comparison words written before the quantity, longest first. */
export const COMPARISON_PHRASES: { words: string[]; operator: ComparisonSymbol; needsQuantity: boolean }[] = [
  { words: ["greater", "than", "or", "equal", "to"], operator: ">=", needsQuantity: false },
  { words: ["more", "than", "or", "equal", "to"], operator: ">=", needsQuantity: false },
  { words: ["less", "than", "or", "equal", "to"], operator: "<=", needsQuantity: false },
  { words: ["in", "excess", "of"], operator: ">", needsQuantity: true },
  { words: ["upwards", "of"], operator: ">", needsQuantity: true },
  { words: ["not", "equal", "to"], operator: "!=", needsQuantity: false },
  { words: ["other", "than"], operator: "!=", needsQuantity: true },
  { words: ["equal", "to"], operator: "=", needsQuantity: false },
  { words: ["at", "least"], operator: ">=", needsQuantity: true },
  { words: ["at", "most"], operator: "<=", needsQuantity: true },
  { words: ["up", "to"], operator: "<=", needsQuantity: true },
  { words: ["over"], operator: ">", needsQuantity: true },
  { words: ["above"], operator: ">", needsQuantity: true },
  { words: ["exceeding"], operator: ">", needsQuantity: true },
  { words: ["under"], operator: "<", needsQuantity: true },
  { words: ["below"], operator: "<", needsQuantity: true },
  { words: ["beneath"], operator: "<", needsQuantity: true },
  { words: ["exactly"], operator: "=", needsQuantity: true },
  { words: ["equals"], operator: "=", needsQuantity: true },
];

/**
 * Comparatives that point down ("cheaper than 10" keeps the smaller values). Every other
 * comparative before "than" points up ("longer than", "heavier than", "more than").
 */
export const DOWNWARD_COMPARATIVES = new Set([
  "less",
  "fewer",
  "smaller",
  "lower",
  "shorter",
  "lighter",
  "cheaper",
  "younger",
  "earlier",
  "sooner",
  "slower",
  "narrower",
  "worse",
]);

/** Words after a number that make it a bound: "5 or more", "3+", "10 and above". */
export const POSTFIX_BOUNDS: { words: string[]; operator: ComparisonSymbol }[] = [
  { words: ["or", "more"], operator: ">=" },
  { words: ["or", "greater"], operator: ">=" },
  { words: ["or", "higher"], operator: ">=" },
  { words: ["or", "over"], operator: ">=" },
  { words: ["or", "above"], operator: ">=" },
  { words: ["and", "above"], operator: ">=" },
  { words: ["and", "over"], operator: ">=" },
  { words: ["and", "up"], operator: ">=" },
  { words: ["or", "less"], operator: "<=" },
  { words: ["or", "fewer"], operator: "<=" },
  { words: ["or", "lower"], operator: "<=" },
  { words: ["or", "under"], operator: "<=" },
  { words: ["or", "below"], operator: "<=" },
  { words: ["and", "below"], operator: "<=" },
  { words: ["and", "under"], operator: "<=" },
  { words: ["+"], operator: ">=" },
];

/** Aggregate words: as a phrase before "of" ("number of") or inside a noun phrase ("total freight"). */
export const AGGREGATE_WORDS = new Set([
  "count",
  "number",
  "total",
  "sum",
  "average",
  "avg",
  "mean",
  "median",
  "min",
  "minimum",
  "max",
  "maximum",
  "share",
  "percentage",
  "percent",
  "proportion",
  "ratio",
  "%",
  "distinct",
  "unique",
]);

/** Words that may open a relative clause after a noun phrase. */
export const RELATIVE_WORDS = new Set(["who", "whom", "whose", "which", "that", "where"]);

/** Words that may open a question at the start of a clause. */
export const QUESTION_WORDS = new Set(["which", "what", "who", "how", "when", "where", "whose"]);

/** Grain phrases: per, for each, for every, broken down by, grouped by, split by. */
export const GRAIN_PHRASES: string[][] = [
  ["broken", "down", "by"],
  ["break", "down", "by"],
  ["breaking", "down", "by"],
  ["split", "up", "by"],
  ["grouped", "by"],
  ["group", "by"],
  ["split", "by"],
  ["bucketed", "by"],
  ["for", "each"],
  ["for", "every"],
  ["per"],
];

/**
 * Phrases that leave rows out, as "without" does: "payments excluding coupons", "every
 * category except seafood", "leaving out returned orders", "products other than beverages",
 * "skip orders that never shipped", "ignore tracks where the composer is blank".
 */
export const EXCLUSION_PHRASES: string[][] = [
  ["except", "for"],
  ["except"],
  ["excluding"],
  ["exclude"],
  ["leaving", "out"],
  ["leave", "out"],
  ["other", "than"],
  ["apart", "from"],
  ["skip"],
  ["skipping"],
  ["ignore"],
  ["ignoring"],
  ["omit"],
  ["omitting"],
];

/** Sorting verbs that take "by": "sorted by", "ranked by". ("ordered by" also means purchased.) */
export const SORT_VERBS = new Set(["sort", "sorted", "sorting", "rank", "ranked", "arrange", "arranged"]);

export const DIRECTION_WORDS: Record<string, "ascending" | "descending"> = {
  ascending: "ascending",
  asc: "ascending",
  descending: "descending",
  desc: "descending",
  alphabetically: "ascending",
  alphabetical: "ascending",
  chronologically: "ascending",
  chronological: "ascending",
  reverse: "descending",
};

/** Coordinators, besides the tagger's CCONJ: "+", "&", "as well as", "along with", "together with". */
export const AND_PHRASES: string[][] = [
  ["as", "well", "as"],
  ["along", "with"],
  ["together", "with"],
  ["+"],
  ["&"],
  ["plus"],
];

/** Words that name an output: "as line_total", "called", "named", "call it", "name the column". */
export const NAMING_VERBS = new Set(["call", "name"]);
export const NAMING_OBJECTS = new Set(["it", "this", "that", "them"]);
export const NAMING_NOUNS = new Set(["column", "field", "result", "table", "output"]);

/** Adverbs that sit inside a verb group: "never placed", "still owe", "has ever purchased". */
export const VERB_ADVERBS = new Set([
  "never",
  "not",
  "ever",
  "still",
  "actually",
  "already",
  "also",
  "just",
  "really",
  "always",
  "only",
]);

/** Particles and prepositions a verb may take ("signed up", "look after", "report to"). */
export const VERB_PARTICLES = new Set([
  "up",
  "down",
  "out",
  "off",
  "back",
  "away",
  "together",
  "over",
  "in",
  "on",
  "after",
  "around",
]);
export const VERB_PREPOSITIONS = new Set([
  "to",
  "by",
  "in",
  "with",
  "for",
  "from",
  "at",
  "on",
  "after",
  "across",
  "through",
  "into",
  "of",
  "about",
  "as",
  "over",
  "under",
  "within",
]);

/** Arithmetic words and symbols, and the operator they stand for. */
export const ARITHMETIC: Record<string, "*" | "/" | "+" | "-"> = {
  "*": "*",
  "\u00d7": "*",
  x: "*",
  times: "*",
  multiplied: "*",
  "/": "/",
  divided: "/",
  minus: "-",
  "-": "-",
  "\u2212": "-",
};
