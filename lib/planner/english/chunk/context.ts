import type { Chunk } from "@/lib/planner/english/chunk/types";
import type { AnnotatedToken } from "@/lib/planner/english/types";

/** What a chunk reader sees: all tokens, and the chunks already read to the left. */
export type ChunkContext = { tokens: AnnotatedToken[]; chunks: Chunk[] };

/** Fills a chunk's tokens, span and text (the tokens' text, one space where the prompt had any). */
export function makeChunk<T extends Chunk>(
  tokens: AnnotatedToken[],
  start: number,
  end: number,
  fields: Omit<T, "tokens" | "span" | "text">,
): T {
  const text = tokens
    .slice(start, end)
    .map((t, k) => (k > 0 && t.spaceBefore ? " " : "") + t.text)
    .join("");
  return {
    ...fields,
    tokens: { start, end },
    span: { start: tokens[start].span.start, end: tokens[end - 1].span.end },
    text,
  } as T;
}

/** The number of tokens from `i` that spell `words` (normal forms) within one sentence, or 0. */
export function matchAt(tokens: AnnotatedToken[], i: number, words: string[]): number {
  const sentence = tokens[i]?.sentence;
  for (let k = 0; k < words.length; k++) {
    const t = tokens[i + k];
    if (!t || t.sentence !== sentence || t.normal !== words[k] || t.time) return 0;
  }
  return words.length;
}

/** The longest entry of `table` that matches at `i`. */
export function matchLongest<T extends { words: string[] }>(tokens: AnnotatedToken[], i: number, table: T[]): T | null {
  let best: T | null = null;
  for (const entry of table)
    if (matchAt(tokens, i, entry.words) && (!best || entry.words.length > best.words.length)) best = entry;
  return best;
}

export function sameSentence(tokens: AnnotatedToken[], a: number, b: number): boolean {
  return tokens[a] !== undefined && tokens[b] !== undefined && tokens[a].sentence === tokens[b].sentence;
}

/** A superlative adjective or adverb: "longest", "best", "most", "least", "fewest". */
export function isSuperlative(t: AnnotatedToken | undefined): boolean {
  if (!t || (t.pos !== "ADJ" && t.pos !== "ADV")) return false;
  if (t.normal === "most" || t.normal === "least") return true;
  // The model lemmatises superlative adjectives ("longest" → long) but not adverbs ("lowest first").
  return (t.lemma !== t.normal && /st$/.test(t.normal)) || (t.pos === "ADV" && /[^aeiou]est$/.test(t.normal));
}

/** A number that counts (not an ordinal, not part of a time phrase). */
export function isCount(t: AnnotatedToken | undefined): boolean {
  return !!t && t.kind === "number" && !!t.number && !t.number.ordinal && !t.time;
}

/** "first"/"last" at `k`, at the end of its clause (before punctuation, "please", or the end). */
export function closesWithFirstOrLast(tokens: AnnotatedToken[], k: number): boolean {
  const word = tokens[k];
  if (!word || (word.normal !== "first" && word.normal !== "last")) return false;
  const next = tokens[k + 1];
  return (
    !next ||
    next.sentence !== word.sentence ||
    next.kind === "punctuation" ||
    next.pos === "INTJ" ||
    next.normal === "please"
  );
}
