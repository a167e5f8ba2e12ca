import type { ChunkContext } from "@/lib/planner/english/chunk/context";
import { readAggregate } from "@/lib/planner/english/chunk/read-aggregate";
import { readComparison } from "@/lib/planner/english/chunk/read-comparison";
import { readConnective } from "@/lib/planner/english/chunk/read-connective";
import { readArithmetic, readLeftover, readTime, readValue } from "@/lib/planner/english/chunk/read-marks";
import { readNounPhrase } from "@/lib/planner/english/chunk/read-noun-phrase";
import { readOrdering, readRanking } from "@/lib/planner/english/chunk/read-ordering";
import { readVerbGroup } from "@/lib/planner/english/chunk/read-verb-group";
import type { Chunk } from "@/lib/planner/english/chunk/types";
import type { AnnotatedToken } from "@/lib/planner/english/types";

// Tried in this order at each position; the first that reads something wins. Phrases made of
// function words come before the open classes, so "more than" is never read as a noun
// phrase and "sorted by" never as a verb group.
const READERS: ((ctx: ChunkContext, i: number) => Chunk | null)[] = [
  readTime,
  readValue,
  readComparison,
  readArithmetic,
  readRanking,
  readOrdering,
  readAggregate,
  readConnective,
  readVerbGroup,
  readNounPhrase,
];

/**
 * Groups annotated tokens into chunks, left to right: every token belongs to exactly one
 * chunk, in order, and a chunk never crosses a sentence boundary. Tokens no phrase takes
 * become `punctuation` or `other` chunks, so nothing is dropped.
 */
export function chunk(tokens: AnnotatedToken[]): Chunk[] {
  const ctx: ChunkContext = { tokens, chunks: [] };
  for (let i = 0; i < tokens.length; ) {
    const read = READERS.reduce<Chunk | null>((found, reader) => found ?? reader(ctx, i), null) ?? readLeftover(ctx, i);
    ctx.chunks.push(read);
    i = read.tokens.end;
  }
  return ctx.chunks;
}
