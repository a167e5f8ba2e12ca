import type { AnnotatedToken, Chunk } from "@/lib/planner/english";
import type { Terminal } from "./chart";
import { readDimensionAdjective } from "./dimension-adjectives";
import type { Part } from "./parts";

/** Ordinals that pick an end of a run of dates: "first order date", "last payment date". */
const DATE_ORDINALS: Record<string, "min" | "max"> = { first: "min", last: "max" };

/**
 * AGG terminals for a superlative of time before a date the model knows, in one noun phrase:
 * "the first and most recent order date", "earliest signup date", "last order date" are the
 * minimum or maximum of that date. The date must follow within the phrase, so "the most recent
 * orders" still ranks orders.
 * An "and" between two such ends inside the phrase is the grammar's AND.
 */
export function dateExtremeTerminals(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  terminals: Terminal<Part>[],
): Terminal<Part>[] {
  const out: Terminal<Part>[] = [];
  for (const c of chunks) {
    if (c.kind !== "noun-phrase") continue;
    const date = terminals.find((t) => t.cat === "TDIM" && c.tokens.start <= t.start && t.end <= c.tokens.end);
    if (!date) continue;
    for (let i = c.tokens.start; i < date.start; i++) {
      const extreme = extremeAt(tokens, i);
      if (extreme && extreme.end <= date.start) out.push(extreme);
      // "first and last order date": the phrase's own "and" joins the two ends.
      if (tokens[i].normal === "and" && out.some((t) => t.end === i))
        out.push({
          cat: "AND",
          start: i,
          end: i + 1,
          value: { k: "word", word: "and", phrase: tokens[i].text, chunk: c },
          strength: 1,
        });
    }
  }
  out.push(...extremeOfRows(tokens, chunks, terminals));
  return out;
}

/**
 * "the date of their last order", "the date of each customer's very first order": after a date
 * and "of", an ordinal or a superlative of time before the rows is the earliest or latest of
 * that date (the grammar checks the date is those rows' own).
 */
function extremeOfRows(tokens: AnnotatedToken[], chunks: Chunk[], terminals: Terminal<Part>[]): Terminal<Part>[] {
  const out: Terminal<Part>[] = [];
  const afterDateOf = (at: number) =>
    tokens[at - 1]?.normal === "of" && terminals.some((t) => t.cat === "TDIM" && t.end === at - 1);
  for (const c of chunks) {
    if (c.kind !== "noun-phrase") continue;
    // The phrase may open after "of" ("of their last order") or after a possessive that does ("of each customer's first order").
    const opened = [
      c.tokens.start,
      ...chunks.filter((d) => d.tokens.end === c.tokens.start).map((d) => d.tokens.start),
    ];
    if (!opened.some((start) => afterDateOf(start) || afterDateOf(start - 1))) continue;
    for (let i = c.tokens.start; i < c.tokens.end; i++) {
      const extreme = extremeAt(tokens, i);
      if (extreme && terminals.some((t) => t.cat === "ENT" && t.start === extreme.end)) out.push(extreme);
    }
  }
  return out;
}

/** An AGG terminal for "first", "last", "earliest", "most recent" at `i`: the minimum or maximum of a date. */
function extremeAt(tokens: AnnotatedToken[], i: number): Terminal<Part> | undefined {
  const adj = readDimensionAdjective(tokens, i);
  const fn =
    adj?.property === "time" && adj.degree === "superlative"
      ? adj.direction === "desc"
        ? "max"
        : "min"
      : DATE_ORDINALS[tokens[i].normal];
  if (!fn) return undefined;
  const end = adj?.property === "time" ? adj.end : i + 1;
  const phrase = tokens
    .slice(i, end)
    .map((t) => t.text)
    .join(" ");
  return { cat: "AGG", start: i, end, value: { k: "agg", fn, phrase }, strength: 1 };
}
