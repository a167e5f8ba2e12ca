import type { AnnotatedToken, Chunk } from "@/lib/planner/english";
import type { Terminal } from "./chart";
import { isGrammarWord } from "./grammar-spelling";
import type { Part } from "./parts";
import { REQUEST_VERBS } from "./verb-classes";

/** Determiners that take in every row of a table. */
const EVERY_ROW = new Set(["all", "every", "each"]);
/** Terminals a new value may be read as: a stored value, or a state its verb names ("as shipped"). */
const STATES = new Set(["VAL", "VERB", "NAMEDVERB", "PLAINV"]);
/** Terminals of the warehouse's and the grammar's own words: a request may open with them ("all orders"), a change never does. */
const CONTENT = new Set(["ENT", "MEAS", "DIM", "TDIM", "FLAG", "VAL", "ROLE", "AGG", "REQ", "RANK", "ORDER", "Q"]);

/**
 * "raise all product prices by 10%", "mark every 'placed' order as shipped", "set each order's
 * status to shipped": an imperative that is not a request for a table, done to every row of a
 * table and giving them a new value (by a number, to or as a value), asks to change the stored
 * data. Returns the words that say so, or undefined.
 */
export function changeInstruction(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  terminals: Terminal<Part>[],
): string | undefined {
  const opening = tokens.find((t) => t.kind !== "punctuation" && t.pos !== "INTJ");
  if (
    !opening ||
    isGrammarWord(opening.normal) ||
    REQUEST_VERBS.has(opening.lemma) ||
    terminals.some((t) => t.start === opening.index && CONTENT.has(t.cat))
  )
    return undefined;
  const quantifier = tokens[opening.index + 1];
  if (!quantifier || quantifier.pos !== "DET" || !EVERY_ROW.has(quantifier.normal)) return undefined;
  // The rows: the noun phrase the quantifier opens (with any values inside it, as "every
  // 'placed' order" is chunked in three), naming a table or a column of one.
  let at = chunks.findIndex((c) => c.tokens.start <= quantifier.index && quantifier.index < c.tokens.end);
  if (at < 0 || chunks[at].kind !== "noun-phrase") return undefined;
  const inside = (c: Chunk | undefined) =>
    c?.kind === "value" || (c?.kind === "noun-phrase" && c.determiner === undefined);
  while (inside(chunks[at + 1])) at++;
  const end = chunks[at].tokens.end;
  const named = terminals.some(
    (t) => t.start > quantifier.index && t.end <= end && (t.cat === "ENT" || t.cat === "MEAS" || t.cat === "DIM"),
  );
  if (!named) return undefined;
  // A number, a quoted value, or a word read as a value or a state.
  const valueAt = (i: number) =>
    tokens[i]?.kind === "number" ||
    tokens[i]?.kind === "quoted" ||
    terminals.some((t) => t.start === i && STATES.has(t.cat));
  // Their new value, straight after them: "by 10%", "to shipped", "as shipped".
  const change = tokens[end];
  const next = end + 1;
  if (
    !change ||
    !(
      (change.normal === "by" && tokens[next]?.kind === "number") ||
      ((change.normal === "to" || change.normal === "as") && valueAt(next))
    )
  )
    return undefined;
  return tokens
    .slice(opening.index, change.index + 2)
    .map((t, i) => (i > 0 && t.spaceBefore ? ` ${t.text}` : t.text))
    .join("");
}
