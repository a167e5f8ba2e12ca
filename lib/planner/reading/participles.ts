import type { AnnotatedToken } from "@/lib/planner/english";
import type { Terminal } from "./chart";
import type { Part } from "./parts";

/**
 * PLAINV terminals: a one-word verb that names nothing in the model by itself: a participle that
 * only describes its noun ("the quantity sold", "products supplied") or the verb of a question
 * ("how many orders did we get"). A word that also names a value or a flag ("orders returned") is
 * left to those readings: there the word says which rows, and dropping it would widen the table.
 */
export function plainVerbTerminals(terminals: Terminal<Part>[]): Terminal<Part>[] {
  const named = new Set(terminals.filter((t) => t.cat === "VAL" || t.cat === "FLAG").map((t) => `${t.start}:${t.end}`));
  return terminals
    .filter((t) => t.cat === "VERB" && t.end - t.start === 1 && !named.has(`${t.start}:${t.end}`))
    .map((t) => ({ ...t, cat: "PLAINV" }));
}

const SEPARATORS = new Set([",", ":", ";", "-", "–", "—"]);

/**
 * SEP terminals: a comma, colon, semicolon or spaced dash between words. The grammar reads one as
 * a pause between modifiers or as a list separator ("by year, ship country and shipper"); other
 * punctuation drops out of the lattice.
 */
export function separatorTerminals(tokens: AnnotatedToken[]): Terminal<Part>[] {
  return tokens
    .filter((t) => t.kind === "punctuation" && SEPARATORS.has(t.text) && t.index > 0 && t.index < tokens.length - 1 && (t.text !== "-" || t.spaceBefore))
    .filter((t) => tokens[t.index + 1].kind !== "punctuation")
    .map((t) => ({ cat: "SEP", start: t.index, end: t.index + 1, value: { k: "list", parts: [] }, strength: 0 }));
}
