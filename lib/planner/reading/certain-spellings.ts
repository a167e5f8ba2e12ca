import type { PlanResult } from "@/lib/planner/types";
import { MIN_SPELLING_LENGTH } from "./grammar-spelling";
import type { Misspelling, Spellings } from "./ground";

// Each word the planner corrects by itself lowers its confidence: the reading rests on a guess.
const CONFIDENCE_PER_CORRECTION = 0.1;

/**
 * The misspellings that can only mean one thing, as spellings to read the request with: the word
 * as typed is no word of English ("custmers", "segmnet"), and exactly one word of the warehouse or
 * of the grammar is one edit away (a letter dropped, added, changed, or two letters swapped).
 * Undefined unless every misspelling is that certain: a word of English ("States") may be meant as
 * written, and a word near two others is a guess, so those are asked.
 */
export function certainSpellings(misspellings: Misspelling[]): Spellings | undefined {
  if (misspellings.length === 0) return undefined;
  const spellings: Spellings = {};
  for (const { text, near, english } of misspellings) {
    if (english || text.length < MIN_SPELLING_LENGTH || near.length !== 1 || near[0].distance !== 1) return undefined;
    spellings[text.toLowerCase()] = near[0].word;
  }
  return spellings;
}

/** A plan read with corrected spellings says so: a note per word and a lower confidence; a refusal names them too. */
export function withCorrections(result: PlanResult, spellings: Spellings): PlanResult {
  const read = Object.entries(spellings).map(([typed, word]) => `read "${typed}" as "${word}"`);
  if (!result.ok) return { ...result, message: `${result.message} (${read.join(", ")})` };
  return {
    ...result,
    confidence: Math.max(0.05, Math.round((result.confidence - CONFIDENCE_PER_CORRECTION * read.length) * 100) / 100),
    notes: [...read.map((r) => `${r}, the only word one letter away; the typed word is not English`), ...result.notes],
  };
}
