import { type ChunkContext, makeChunk, matchAt } from "@/lib/planner/english/chunk/context";
import type { AggregatePhrase } from "@/lib/planner/english/chunk/types";
import { AGGREGATE_WORDS } from "@/lib/planner/english/chunk/word-classes";

/**
 * Aggregate phrases that stand before what they aggregate: "how many", "how much", "number
 * of", "the total of", "a count of", "what % of", "what percentage of", "share of", and the
 * adverbials "on average", "in total". An aggregate word inside a noun phrase ("total order
 * amount", "track count") stays in that phrase, marked there.
 */
export function readAggregate(ctx: ChunkContext, i: number): AggregatePhrase | null {
  const { tokens } = ctx;
  const t = tokens[i];
  if (t.time) return null;
  if (t.normal === "how" && (matchAt(tokens, i + 1, ["many"]) || matchAt(tokens, i + 1, ["much"])))
    return makeChunk<AggregatePhrase>(tokens, i, i + 2, { kind: "aggregate", word: `how ${tokens[i + 1].normal}` });
  if (matchAt(tokens, i, ["on", "average"]) || matchAt(tokens, i, ["in", "total"]))
    return makeChunk<AggregatePhrase>(tokens, i, i + 2, { kind: "aggregate", word: tokens[i + 1].normal });
  const lead = t.normal === "the" || t.normal === "a" || t.normal === "what" ? 1 : 0;
  const word = tokens[i + lead];
  if (
    word &&
    !word.time &&
    AGGREGATE_WORDS.has(word.normal) &&
    word.normal !== "distinct" &&
    word.normal !== "unique" &&
    matchAt(tokens, i + lead + 1, ["of"])
  )
    return makeChunk<AggregatePhrase>(tokens, i, i + lead + 2, { kind: "aggregate", word: word.normal });
  return null;
}
