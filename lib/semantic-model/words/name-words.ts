import { expandAbbreviations } from "./abbreviations";
import { splitIdentifier } from "./split-identifier";

/** The words of one identifier, as written and with abbreviations written out. */
export type NameWords = { written: string[]; expanded: string[] };

const cache = new Map<string, NameWords>();
// Names repeat across tables and catalogs; the bound only keeps a long-lived server's memory flat.
const CACHE_LIMIT = 50_000;

/** Splits `identifier` into words once per process; catalogs repeat the same names often. */
export function nameWords(identifier: string): NameWords {
  let words = cache.get(identifier);
  if (!words) {
    const written = splitIdentifier(identifier);
    words = { written, expanded: expandAbbreviations(written) };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(identifier, words);
  }
  return words;
}

/** Words joined into a phrase. */
export const phrase = (words: string[]) => words.join(" ");

/** Phrases without empties and repeats, first occurrence kept (the first phrase is the main one). */
export function uniquePhrases(phrases: (string | string[] | undefined)[]): string[] {
  const out: string[] = [];
  for (const item of phrases) {
    const text = Array.isArray(item) ? phrase(item) : item;
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

/** Whether `words` starts with `prefix` (word by word). */
export const startsWithWords = (words: string[], prefix: string[]) =>
  prefix.length > 0 && prefix.length <= words.length && prefix.every((w, i) => words[i] === w);

/** Whether `words` ends with `suffix` (word by word). */
export const endsWithWords = (words: string[], suffix: string[]) =>
  suffix.length > 0 &&
  suffix.length <= words.length &&
  suffix.every((w, i) => words[words.length - suffix.length + i] === w);
