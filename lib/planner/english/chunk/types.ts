import type { TimeExpression } from "@/lib/planner/english/time/types";
import type { ComparisonSymbol, NumberValue, Span, TokenRange } from "@/lib/planner/english/types";

type ChunkBase = {
  /** Tokens `tokens.start` … `tokens.end - 1`; chunks tile the prompt's tokens in order. */
  tokens: TokenRange;
  span: Span;
  text: string;
};

/**
 * "the 5 longest tracks", "each customer's first rental", "total order amount", "they",
 * "Iron Maiden". `head` is the last noun (or the pronoun); `determiner` the first word when it
 * is one ("the", "each", "which", "no", "their"); `superlative`, `aggregate` and `negator`
 * point at tokens inside.
 */
export type NounPhrase = ChunkBase & {
  kind: "noun-phrase";
  head: number;
  determiner?: string;
  /** A cardinal before the head: "the 5 longest tracks" → 5. */
  count?: number;
  /** "longest", "most expensive", "fewest": the superlative word(s). */
  superlative?: number[];
  /** "total", "average", "count", "max": aggregate words inside the phrase. */
  aggregate?: number[];
  /** "each customer's": the token of the possessive marker. */
  possessive?: number[];
  pronoun?: boolean;
  /** "no", "nobody", "nothing": the phrase itself negates. */
  negator?: number;
};

/** "never placed", "report to", "were handled by", "live in", "signed up", "don't have". */
export type VerbGroup = ChunkBase & {
  kind: "verb-group";
  /** The main verb (the last verb of the group). */
  head: number;
  lemma: string;
  /** Prepositions and particles that belong to the verb ("to", "by", "up", "after"). */
  particles: number[];
  negated: boolean;
  /** A form of "be" (or "get") followed by a past participle: "were handled by". */
  passive: boolean;
};

/**
 * "more than 50", "at least 100", "5 or more", "between 20 and 30", "over $20", "not more
 * than", "longer than", ">= 10". `quantity` is absent when the words give none ("= 'shipped'",
 * "or more" after a noun); `comparative` is the adjective that names what is compared
 * ("longer" in "longer than 7 min").
 */
export type ComparisonPhrase = ChunkBase & {
  kind: "comparison";
  operator: ComparisonSymbol | "between";
  quantity?: NumberValue;
  /** The upper bound of "between 20 and 30" (inclusive). */
  upper?: NumberValue;
  comparative?: number;
  /** The comparison was turned around by a negation ("not more than 5" → "<="). */
  negated?: boolean;
};

export type TimePhrase = ChunkBase & { kind: "time"; expression: TimeExpression };

/** "number of", "how many", "how much", "sum of", "the average of", "what % of", "share of". */
export type AggregatePhrase = ChunkBase & { kind: "aggregate"; word: string };

/** "top 5", "bottom 3", "top": `edge` and the count when given. */
export type RankingPhrase = ChunkBase & { kind: "ranking"; edge: "top" | "bottom"; count?: number };

/**
 * "sorted by", "descending", "in alphabetical order", "alphabetically", "cheapest first",
 * "first" after a noun phrase: `by` when a measure follows, `direction` when the words give it.
 */
export type OrderingPhrase = ChunkBase & {
  kind: "ordering";
  by: boolean;
  direction?: "ascending" | "descending";
  /** "cheapest first", "largest amount first": the words put that end first. */
  first?: boolean;
  /** A superlative inside the phrase ("cheapest"). */
  superlative?: number;
};

/**
 * Words that join or relate the other chunks:
 * - relative: that / who / which / whose / where after a noun phrase
 * - question: which / what / who / how opening a question
 * - with, without (without also negates its object)
 * - grain: per, for each, for every, broken down by, grouped by
 * - by: by alone (a grain or the measure of a ranking: the parser decides)
 * - and, or (also "+", "plus", "as well as", "along with")
 * - naming: as, called, named, call it, name it
 * - preposition: any other preposition (of, in, from, on, to, at, into…)
 * - subordinator: if, when, because, where (not relative), than (alone)
 */
export type ConnectiveRole =
  | "relative"
  | "question"
  | "with"
  | "without"
  | "grain"
  | "by"
  | "and"
  | "or"
  | "naming"
  | "preposition"
  | "subordinator";

export type Connective = ChunkBase & { kind: "connective"; role: ConnectiveRole; word: string };

/** A quoted literal: 'Rock', "AC/DC", “Let There Be Rock”. */
export type ValuePhrase = ChunkBase & { kind: "value"; token: number };

/** "times", "x", "*", "×", "/", "minus", "-" between quantities or columns. */
export type ArithmeticOperator = ChunkBase & { kind: "arithmetic"; operator: "*" | "/" | "+" | "-" };

/** Punctuation; kept so that every token belongs to a chunk. */
export type Punctuation = ChunkBase & { kind: "punctuation" };

/** Adverbs, interjections and anything no other chunk takes ("only", "please", "hi"). */
export type OtherChunk = ChunkBase & { kind: "other" };

export type Chunk =
  | NounPhrase
  | VerbGroup
  | ComparisonPhrase
  | TimePhrase
  | AggregatePhrase
  | RankingPhrase
  | OrderingPhrase
  | Connective
  | ValuePhrase
  | ArithmeticOperator
  | Punctuation
  | OtherChunk;

export type ChunkKind = Chunk["kind"];
