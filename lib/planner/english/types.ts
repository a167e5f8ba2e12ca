import type { TimeExpression } from "@/lib/planner/english/time/types";

/** Universal part-of-speech tags, as the English model assigns them. */
export type PartOfSpeech =
  | "ADJ"
  | "ADP"
  | "ADV"
  | "AUX"
  | "CCONJ"
  | "DET"
  | "INTJ"
  | "NOUN"
  | "NUM"
  | "PART"
  | "PRON"
  | "PROPN"
  | "PUNCT"
  | "SCONJ"
  | "SYM"
  | "VERB"
  | "X"
  | "SPACE";

/**
 * What a token is on the surface. `quoted` and `identifier` tokens are kept whole even where
 * the tagger saw several words; `number` tokens may span several words ("a dozen", "one
 * hundred and five", "$20", "3.5k").
 */
export type TokenKind = "word" | "number" | "quoted" | "identifier" | "symbol" | "punctuation";

/** A comparison written as a symbol. The word forms ("more than") are read by the chunker. */
export type ComparisonSymbol = ">" | ">=" | "<" | "<=" | "=" | "!=";

/** Character offsets into the prompt, half-open: `prompt.slice(start, end)` is the token. */
export type Span = { start: number; end: number };

/** Token indices, half-open: tokens `start` … `end - 1`. */
export type TokenRange = { start: number; end: number };

/** A number read from digits or words. `value` is what the words mean ("3.5k" → 3500). */
export type NumberValue = {
  value: number;
  written: "digits" | "words";
  /** "20%" → percent; "$20" → currency with its symbol. */
  unit?: "percent" | "currency";
  currency?: string;
  /** "3rd", "third": an ordinal, not a count. */
  ordinal?: boolean;
  /** A four-digit whole number from 1900 to 2099, which may be a year. */
  yearLike?: boolean;
};

/** Where the tagger's part of speech came from. */
export type PosSource =
  | "tagger" // the model's tag for this word in this sentence
  | "merged" // a quoted span or identifier kept whole: PROPN for a quote, the last piece's tag for an identifier
  | "split"; // a contraction the model left whole ("I'm"), read piece by piece

export type AnnotatedToken = {
  index: number;
  /** Exactly `prompt.slice(span.start, span.end)`. */
  text: string;
  span: Span;
  kind: TokenKind;
  /** Lower case, curly quotes straightened, contractions spelled out ("n't" → "not"). */
  normal: string;
  /** The model's lemma in lower case ("placed" → "place", "customers" → "customer"). */
  lemma: string;
  pos: PartOfSpeech;
  posSource: PosSource;
  /** Index of the sentence (the model's sentence boundaries). */
  sentence: number;
  /** First token of its sentence. */
  sentenceInitial: boolean;
  /** Whitespace separates this token from the previous one ("best-selling": no space around "-"). */
  spaceBefore: boolean;
  /**
   * The model's reading of the same word in lower case. Set on a capitalised first word of a
   * sentence that the model tagged PROPN, often only because of its capital ("Customers
   * located in…" → NOUN, "customer"): `pos` stays the model's, grounding decides which holds.
   */
  alternative?: { pos: PartOfSpeech; lemma: string };
  /** Starts with a capital letter or is all capitals. */
  capitalised: boolean;
  /** Quoted, or capitalised away from the start of its sentence: may name a stored value. */
  possibleValue: boolean;
  /** The word is in the model's lexicon (false for names, typos and domain words). */
  known: boolean;
  number?: NumberValue;
  /** This token negates ("not", "n't", "never", "no", "without", "nobody"…); its scope in tokens. */
  negator?: { scope: TokenRange };
  /** Index of the negator whose scope holds this token. */
  negatedBy?: number;
  /** A quoted literal: its quote mark and the text between the marks. */
  quoted?: { mark: string; inner: string };
  /** An identifier kept whole, with its words ("customerNumber" → customer, number). */
  identifier?: { style: "snake" | "camel" | "dotted"; parts: string[] };
  /** A comparison symbol (">=", "≤", "<>", "="), normalised. */
  comparison?: ComparisonSymbol;
  /** Part of a time phrase; every token of one phrase shares the same expression object. */
  time?: TimeExpression;
};
