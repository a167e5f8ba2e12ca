import frequencyOrderedWords from "wordsninja/words-en.json";

/**
 * English words ranked by how often they occur (0 = most frequent), from the word list
 * `wordsninja` ships (about 126,000 words from Wikipedia, most frequent first). Built on first use:
 * a process that never splits an identifier never pays for it.
 */
let ranks: Map<string, number> | undefined;

function wordRanks(): Map<string, number> {
  if (!ranks) {
    ranks = new Map();
    (frequencyOrderedWords as string[]).forEach((word, rank) => {
      if (!ranks!.has(word)) ranks!.set(word, rank);
    });
  }
  return ranks;
}

/** The frequency rank of a lowercase word, or undefined when the word list does not have it. */
export function wordRank(word: string): number | undefined {
  return wordRanks().get(word);
}

/** Whether the word list knows `word` (lowercase). */
export function isKnownWord(word: string): boolean {
  return wordRanks().has(word);
}

/** How many words the list has; the segmenter's costs are scaled by it. */
export function knownWordCount(): number {
  return wordRanks().size;
}
