import type { AnnotatedToken } from "@/lib/planner/english";
import {
  AGGREGATE_WORDS as AGGREGATE_CHUNK_WORDS,
  AND_PHRASES,
  COMPARISON_PHRASES,
  DIRECTION_WORDS,
  DOWNWARD_COMPARATIVES,
  EXCLUSION_PHRASES,
  GRAIN_PHRASES,
  POSTFIX_BOUNDS,
  SORT_VERBS,
} from "@/lib/planner/english/chunk/word-classes";
import { escapeRegExp } from "@/lib/text/escape-regexp";
import { AGGREGATE_WORDS, CALENDAR_UNITS, DISTINCT_WORDS, QUANTITY_SUPERLATIVES, SHARE_WORDS } from "./function-words";
import { editDistance, type Misspelling, type Spellings } from "./ground";
import { EMPHATIC_WORD } from "./negation-regions";

// Shorter words have too many neighbours one letter away to guess which was meant.
export const MIN_SPELLING_LENGTH = 5;

/** The words the grammar itself reads (not the warehouse's): aggregates, comparisons, groupings, order words. */
const GRAMMAR_VOCABULARY: Set<string> = new Set(
  [
    ...Object.keys(AGGREGATE_WORDS),
    ...AGGREGATE_CHUNK_WORDS,
    ...Object.keys(SHARE_WORDS),
    ...DISTINCT_WORDS,
    ...Object.keys(QUANTITY_SUPERLATIVES),
    ...Object.keys(CALENDAR_UNITS),
    ...COMPARISON_PHRASES.flatMap((p) => p.words),
    ...DOWNWARD_COMPARATIVES,
    ...POSTFIX_BOUNDS.flatMap((p) => p.words),
    ...GRAIN_PHRASES.flat(),
    ...EXCLUSION_PHRASES.flat(),
    ...AND_PHRASES.flat(),
    ...SORT_VERBS,
    ...Object.keys(DIRECTION_WORDS),
    EMPHATIC_WORD,
  ].filter((w) => /^[a-z]+$/.test(w)),
);
const GRAMMAR_WORDS = new Set([...GRAMMAR_VOCABULARY].filter((w) => w.length >= MIN_SPELLING_LENGTH));

/** Whether the grammar itself reads `word` (lower case): "count", "average", "per", "sorted". */
export const isGrammarWord = (word: string): boolean => GRAMMAR_VOCABULARY.has(word);

/**
 * A word nothing reads that is one letter away from exactly one grammar word ("diffrent",
 * "singel", "avrage"): that word, for a question; else undefined. Model words are matched by
 * the grounding (ground.ts).
 */
export function grammarMisspelling(t: AnnotatedToken): Misspelling | undefined {
  if (t.normal.length < MIN_SPELLING_LENGTH) return undefined;
  const near = [...GRAMMAR_WORDS].filter((w) => editDistance(w, t.normal) === 1);
  return near.length === 1 ? { text: t.text, near: [{ word: near[0], distance: 1 }], english: t.known } : undefined;
}

/**
 * The request with every misspelling a person settled as a grammar word written as that word,
 * so that it is tagged and read as the word itself. Misspellings of the model's words are read
 * in the grounding instead.
 */
export function withGrammarSpellings(prompt: string, spellings: Spellings = {}): string {
  let text = prompt;
  for (const [typed, word] of Object.entries(spellings))
    if (GRAMMAR_WORDS.has(word)) text = text.replace(new RegExp(`\\b${escapeRegExp(typed)}\\b`, "gi"), word);
  return text;
}
