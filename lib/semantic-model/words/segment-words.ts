import { knownWordCount, wordRank } from "./word-frequencies";

// A run of lowercase letters ("lifeexpectancy") is split only into words common enough to trust:
// rarer entries of the list are often fragments or misspellings that would make nonsense splits.
const COMMON_RANK = 60_000;
// Two-letter pieces are mostly noise ("in", "de", "re" inside real words) unless very frequent.
const SHORT_PIECE_RANK = 1_000;
// A rare word that the list knows ("firstname", "birthdate") is split when it is two common words.
const RARE_WORD_RANK = 50_000;
const RARE_PART_RANK = 20_000;
const RARE_PART_LENGTH = 4;
const LONGEST_WORD = 24;

/** Zipf's law: a word's cost is the log of its rank, so the likeliest split costs least. */
function cost(word: string): number {
  const rank = wordRank(word);
  if (rank === undefined || rank >= COMMON_RANK) return Infinity;
  if (word.length === 1 || (word.length === 2 && rank >= SHORT_PIECE_RANK)) return Infinity;
  return Math.log((rank + 1) * Math.log(knownWordCount()));
}

/** The cheapest split of `text` into common words, or null when there is none. */
function cheapestSplit(text: string): string[] | null {
  const best: { cost: number; start: number }[] = [{ cost: 0, start: 0 }];
  for (let end = 1; end <= text.length; end++) {
    best[end] = { cost: Infinity, start: 0 };
    for (let start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
      const total = best[start].cost + cost(text.slice(start, end));
      if (total < best[end].cost) best[end] = { cost: total, start };
    }
  }
  if (best[text.length].cost === Infinity) return null;
  const words: string[] = [];
  for (let end = text.length; end > 0; end = best[end].start) words.unshift(text.slice(best[end].start, end));
  return words;
}

/** "firstname" → first name: both halves common and long enough not to be a fragment. */
function splitRareCompound(text: string): string[] | null {
  let found: { words: string[]; cost: number } | null = null;
  for (let cut = RARE_PART_LENGTH; cut <= text.length - RARE_PART_LENGTH; cut++) {
    const parts = [text.slice(0, cut), text.slice(cut)];
    if (!parts.every((p) => (wordRank(p) ?? Infinity) < RARE_PART_RANK)) continue;
    const total = cost(parts[0]) + cost(parts[1]);
    if (!found || total < found.cost) found = { words: parts, cost: total };
  }
  return found?.words ?? null;
}

/**
 * Splits a run of lowercase letters into English words when it is several words written
 * together ("lifeexpectancy" → life, expectancy; "orderdetails" → order, details). A word the
 * list knows stays whole, and so does anything that does not split cleanly ("msrp").
 */
export function segmentLowercaseRun(text: string): string[] {
  const rank = wordRank(text);
  if (rank !== undefined) return rank >= RARE_WORD_RANK ? (splitRareCompound(text) ?? [text]) : [text];
  const split = cheapestSplit(text);
  return split && split.length > 1 ? split : [text];
}
