import pluralize from "pluralize";
import { isKnownWord, wordRank } from "./word-frequencies";

/** The singular of a phrase: only its last word (the head noun) changes ("order details" → order detail). */
export function singularPhrase(words: string[]): string[] {
  if (words.length === 0) return words;
  const head = words[words.length - 1];
  return [...words.slice(0, -1), /^\d+$/.test(head) ? head : pluralize.singular(head)];
}

/** The plural of a phrase, by its last word ("media type" → media types). */
export function pluralPhrase(words: string[]): string[] {
  if (words.length === 0) return words;
  const head = words[words.length - 1];
  return [...words.slice(0, -1), /^\d+$/.test(head) ? head : pluralize.plural(head)];
}

/** The most frequent of `candidates` that the word list knows. */
function likeliest(candidates: string[]): string | undefined {
  return candidates
    .filter((c) => c.length > 1 && isKnownWord(c))
    .sort((a, b) => (wordRank(a) ?? Infinity) - (wordRank(b) ?? Infinity))[0];
}

/**
 * The base form of a verb as column names write it: "reports" → report, "handled" → handle,
 * "shipped" → ship, "billing" → bill. Candidate stems are checked against the word list and
 * its frequencies, so words that only look inflected ("need", "bring") stay as they are.
 */
export function baseVerb(word: string): string {
  if (/(ed|ing)$/.test(word)) {
    const stem = word.replace(/(ed|ing)$/, "");
    const undoubled = /([^aeiou])\1$/.test(stem) ? stem.slice(0, -1) : stem;
    const found = likeliest([`${stem}e`, stem, undoubled].filter((c, i, all) => c.length > 2 && all.indexOf(c) === i));
    // A stem much rarer than the word means the word was not inflected ("need" is not "nee" + ed).
    if (found && (wordRank(found) ?? Infinity) < (wordRank(word) ?? Infinity) * 4) return found;
  }
  if (/[^s]s$/.test(word)) return pluralize.singular(word);
  return word;
}

/**
 * The verb an agent noun may come from: "manager" → manage, "supervisor" → supervise,
 * "approver" → approve. Undefined when no such word exists ("member", "user"). A guess from spelling alone
 * ("officer" gives office), so callers use it only for a column that names a role.
 */
export function verbOfAgentNoun(word: string): string | undefined {
  // Stems shorter than four letters are mostly not verbs of the noun ("user" is not who uses).
  const match = /^(.{4,}?)(er|or)$/.exec(word);
  if (!match) return undefined;
  const stem = match[1];
  const undoubled = /([^aeiou])\1$/.test(stem) ? stem.slice(0, -1) : stem;
  return likeliest([`${stem}e`, stem, undoubled].filter((c, i, all) => c.length > 2 && all.indexOf(c) === i));
}
