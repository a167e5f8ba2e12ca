import type { LexEntry } from "@/lib/planner/rules/lexicon";
import type { Token } from "@/lib/planner/rules/tokens";

// Known values that are also everyday function words: "on" is Ontario in billing_state but
// far more often a preposition ("quantity on invoice lines"). Read as a value by accident,
// they filter the table silently, so they need evidence that a value is meant.
const FUNCTION_WORDS = new Set(
  `a i an as at be by do go he if in is it me my no of on or so to up us we am and are but for nor not off out per the via was yes all any its our his her who how`.split(
    /\s+/,
  ),
);

const CONTEXT_GAP = new Set(["is", "=", "equals", "of", "in"]);

/** True when a sample value could just as well be an English function word. */
export function isWeakValue(value: string): boolean {
  return FUNCTION_WORDS.has(value.trim().toLowerCase());
}

/**
 * Drops weak value readings of a word unless the prompt shows a value is meant: typed with
 * the value's own capitals ("ON", "US"), or right after its column ("state ON", "billing
 * state is on"). `before` are the tokens already read, nearest last.
 */
export function keepWeakValues(entries: LexEntry[], typed: string, before: Token[]): LexEntry[] {
  return entries.filter((e) => {
    if (e.kind !== "value" || !isWeakValue(e.value)) return true;
    if (typed === e.value && e.value !== e.value.toLowerCase()) return true;
    let k = before.length - 1;
    while (
      k >= 0 &&
      CONTEXT_GAP.has(before[k].kind === "word" || before[k].kind === "punct" ? before[k].text.toLowerCase() : "")
    )
      k--;
    const prev = before[k];
    return (
      prev?.kind === "mention" &&
      prev.entries.some(
        (c) => c.kind === "column" && c.table === e.table && c.columns.length === 1 && c.columns[0] === e.column,
      )
    );
  });
}
