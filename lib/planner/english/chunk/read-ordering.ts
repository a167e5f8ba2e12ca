import {
  type ChunkContext,
  closesWithFirstOrLast,
  isCount,
  isSuperlative,
  makeChunk,
  matchAt,
} from "@/lib/planner/english/chunk/context";
import type { OrderingPhrase, RankingPhrase } from "@/lib/planner/english/chunk/types";
import { DIRECTION_WORDS, SORT_VERBS } from "@/lib/planner/english/chunk/word-classes";
import type { AnnotatedToken } from "@/lib/planner/english/types";

/** "top 5", "the top 10", "bottom 3", "top" before a noun ("top products"). */
export function readRanking(ctx: ChunkContext, i: number): RankingPhrase | null {
  const { tokens } = ctx;
  const at = tokens[i].normal === "the" ? i + 1 : i;
  const word = tokens[at];
  if (!word || word.time || (word.normal !== "top" && word.normal !== "bottom")) return null;
  const edge = word.normal as "top" | "bottom";
  if (isCount(tokens[at + 1]) && tokens[at + 1].sentence === word.sentence)
    return makeChunk<RankingPhrase>(tokens, i, at + 2, { kind: "ranking", edge, count: tokens[at + 1].number!.value });
  const next = tokens[at + 1];
  if (next && next.sentence === word.sentence && (next.pos === "NOUN" || next.pos === "ADJ" || next.pos === "PROPN"))
    return makeChunk<RankingPhrase>(tokens, i, at + 1, { kind: "ranking", edge });
  return null;
}

/**
 * "sorted by", "ranked by", "order by" (only where a clause starts: "ordered by" also means
 * purchased), "descending", "in alphabetical order", "alphabetically", "cheapest first",
 * "most recent first", "highest to lowest", and "first"/"last" closing a clause after a noun
 * phrase ("largest amount first").
 */
export function readOrdering(ctx: ChunkContext, i: number): OrderingPhrase | null {
  const { tokens } = ctx;
  const t = tokens[i];
  if (t.time) return null;
  const by = matchAt(tokens, i + 1, ["by"]);
  if (by && (SORT_VERBS.has(t.normal) || ((t.normal === "order" || t.normal === "ordered") && startsClause(tokens, i))))
    return makeChunk<OrderingPhrase>(tokens, i, i + 2, { kind: "ordering", by: true });
  if (t.normal === "in" && tokens[i + 2]?.normal === "order" && DIRECTION_WORDS[tokens[i + 1]?.normal ?? ""])
    return makeChunk<OrderingPhrase>(tokens, i, i + 3, {
      kind: "ordering",
      by: false,
      direction: DIRECTION_WORDS[tokens[i + 1].normal],
    });
  if (DIRECTION_WORDS[t.normal] && t.normal !== "reverse")
    return makeChunk<OrderingPhrase>(tokens, i, i + 1, {
      kind: "ordering",
      by: false,
      direction: DIRECTION_WORDS[t.normal],
    });

  // A superlative, alone or after "most"/"least", that puts one end first or last.
  const superlativeEnd = isSuperlative(t) ? (isMostLeast(t) && tokens[i + 1]?.pos === "ADJ" ? i + 2 : i + 1) : 0;
  if (superlativeEnd && closesWithFirstOrLast(tokens, superlativeEnd))
    return makeChunk<OrderingPhrase>(tokens, i, superlativeEnd + 1, {
      kind: "ordering",
      by: false,
      first: tokens[superlativeEnd].normal === "first",
      superlative: i,
    });
  if (superlativeEnd && matchAt(tokens, superlativeEnd, ["to"]) && isSuperlative(tokens[superlativeEnd + 1]))
    return makeChunk<OrderingPhrase>(tokens, i, superlativeEnd + 2, {
      kind: "ordering",
      by: false,
      first: true,
      superlative: i,
    });
  if (
    (t.normal === "first" || t.normal === "last") &&
    closesWithFirstOrLast(tokens, i) &&
    ctx.chunks.at(-1)?.kind === "noun-phrase"
  )
    return makeChunk<OrderingPhrase>(tokens, i, i + 1, { kind: "ordering", by: false, first: t.normal === "first" });
  return null;
}

function isMostLeast(t: AnnotatedToken): boolean {
  return t.normal === "most" || t.normal === "least";
}

function startsClause(tokens: AnnotatedToken[], i: number): boolean {
  const before = tokens[i - 1];
  return !before || before.sentence !== tokens[i].sentence || before.kind === "punctuation" || before.pos === "CCONJ";
}
