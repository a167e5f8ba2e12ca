import type { TimeOperator } from "@/lib/planner/english/time/types";

/** Words written before a period and the operator they give it; longer phrases are tried first. */
export const LEADING_OPERATORS: { words: string[]; operator: TimeOperator }[] = [
  { words: ["up", "to", "and", "including"], operator: "through" },
  { words: ["through", "and", "including"], operator: "through" },
  { words: ["on", "or", "after"], operator: "since" },
  { words: ["on", "or", "before"], operator: "through" },
  { words: ["no", "later", "than"], operator: "through" },
  { words: ["no", "earlier", "than"], operator: "since" },
  { words: ["starting", "from"], operator: "since" },
  { words: ["starting", "in"], operator: "since" },
  { words: ["beginning", "in"], operator: "since" },
  { words: ["prior", "to"], operator: "before" },
  { words: ["earlier", "than"], operator: "before" },
  { words: ["later", "than"], operator: "after" },
  { words: ["up", "to"], operator: "through" },
  { words: ["up", "until"], operator: "through" },
  { words: ["since"], operator: "since" },
  { words: ["starting"], operator: "since" },
  { words: ["after"], operator: "after" },
  { words: ["before"], operator: "before" },
  { words: ["until"], operator: "through" },
  { words: ["till"], operator: "through" },
  { words: ["through"], operator: "through" },
  { words: ["thru"], operator: "through" },
  { words: ["in"], operator: "in" },
  { words: ["during"], operator: "in" },
  { words: ["within"], operator: "in" },
  { words: ["throughout"], operator: "in" },
  { words: ["for"], operator: "in" },
  { words: ["of"], operator: "in" },
  { words: ["on"], operator: "in" },
  { words: ["from"], operator: "in" },
];

/** "over the last year": "over" leads a time phrase only before a period counted from the as-of date. */
export const RELATIVE_ONLY_OPERATORS = new Set(["over"]);

/** Words written after a period that change its operator: "from July 2025 onwards". */
export const TRAILING_OPERATORS: { words: string[]; operator: TimeOperator }[] = [
  { words: ["onwards"], operator: "since" },
  { words: ["onward"], operator: "since" },
  { words: ["and", "later"], operator: "since" },
  { words: ["or", "later"], operator: "since" },
  { words: ["and", "after"], operator: "since" },
  { words: ["or", "after"], operator: "since" },
  { words: ["and", "earlier"], operator: "through" },
  { words: ["or", "earlier"], operator: "through" },
  { words: ["and", "before"], operator: "through" },
  { words: ["or", "before"], operator: "through" },
];

/** "between X and Y", "from X to Y", "X to Y", "X - Y": the words that may join the two periods. */
export const RANGE_OPENERS: Record<string, Set<string>> = {
  between: new Set(["and", "-", "\u2013"]),
  from: new Set(["to", "until", "till", "through", "thru", "-", "\u2013"]),
  "": new Set(["to", "until", "till", "through", "thru", "-", "\u2013"]),
};

/** Words between an operator and its period that change nothing: "in the first quarter", "in both January and February". */
export const FILLERS = new Set(["the", "both", "either"]);

/**
 * Words before a bare number that make it a quantity, not a year: "over 2000", "top 2000",
 * "at least 2000". A number after one of these is never read as a year unless an operator
 * such as "in" or "since" leads it.
 */
export const QUANTITY_LEADS = new Set([
  "over",
  "under",
  "above",
  "below",
  "than",
  "least",
  "most",
  "top",
  "bottom",
  "exactly",
  "exceeding",
  "limit",
  "first",
  "last",
  "by",
  "x",
  "times",
  "*",
  "/",
  "+",
  "-",
  "=",
  "<",
  ">",
  "<=",
  ">=",
  "!=",
]);
