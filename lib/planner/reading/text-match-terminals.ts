import type { AnnotatedToken } from "@/lib/planner/english";
import type { TextMatchOp } from "@/lib/spec/clauses";
import type { Terminal } from "./chart";
import type { Part } from "./parts";
import { STRENGTH } from "./senses";

// The verbs that say where text lies in a value, with the prepositions they take
// ("starts with", "ending in", "contains"): a closed class, like the comparison words.
const MATCH_VERBS: Record<string, { op: TextMatchOp; preps: string[] }> = {
  start: { op: "starts_with", preps: ["with"] },
  begin: { op: "starts_with", preps: ["with"] },
  end: { op: "ends_with", preps: ["with", "in"] },
  contain: { op: "contains", preps: [] },
};

const phraseOf = (tokens: AnnotatedToken[]) => tokens.map((t) => t.text).join(" ");

/**
 * The text written to be found in a value, from `i`: a quoted span, a run of capitalised words,
 * or one word or number as written ("J", "son", "lamp"). Returns its end and text.
 */
function writtenText(tokens: AnnotatedToken[], i: number): { end: number; text: string } | undefined {
  const t = tokens[i];
  if (!t || (t.kind !== "word" && t.kind !== "number" && t.kind !== "quoted")) return undefined;
  if (t.quoted) return t.quoted.inner.trim() ? { end: i + 1, text: t.quoted.inner } : undefined;
  let end = i + 1;
  if (t.possibleValue)
    while (end < tokens.length && tokens[end].possibleValue && !tokens[end].quoted && tokens[end].spaceBefore) end++;
  return { end, text: phraseOf(tokens.slice(i, end)) };
}

/**
 * Text matching, written two ways. MATCH and PATTERN: a verb of where the text lies and the text
 * it names ("whose first name starts with J", "ends with 'son'", "containing 'Rock'"). INPATTERN:
 * text written before the column it is found in ("with lamp in the name", "'gift' anywhere in
 * the name"); that text is quoted, capitalised, no word of the warehouse (`unread`) or a value
 * the data holds (`stored`: "with tofu in the product name" finds every name holding it), so a
 * word the request reads otherwise ("orders in the name of …") is never taken for text to find.
 */
export function textMatchTerminals(
  tokens: AnnotatedToken[],
  unread: Set<number>,
  stored: Set<number>,
): Terminal<Part>[] {
  const out: Terminal<Part>[] = [];
  for (const t of tokens) {
    const verb = MATCH_VERBS[t.lemma];
    if (verb && t.kind === "word") {
      const prepAt = t.index + 1;
      const hasPrep = verb.preps.includes(tokens[prepAt]?.normal ?? "");
      if (verb.preps.length > 0 && !hasPrep) continue;
      const at = hasPrep ? prepAt + 1 : prepAt;
      const written = writtenText(tokens, at);
      if (!written) continue;
      out.push(
        {
          cat: "MATCH",
          start: t.index,
          end: at,
          value: { k: "match", op: verb.op, phrase: phraseOf(tokens.slice(t.index, at)) },
          strength: 0,
        },
        {
          cat: "PATTERN",
          start: at,
          end: written.end,
          value: { k: "literal", text: written.text, phrase: phraseOf(tokens.slice(at, written.end)) },
          strength: STRENGTH.looseValue,
        },
      );
    }
    const own = t.quoted || t.possibleValue || unread.has(t.index) || stored.has(t.index);
    if (!own) continue;
    const written = writtenText(tokens, t.index);
    if (!written) continue;
    const anywhere = tokens[written.end]?.normal === "anywhere" ? 1 : 0;
    const inAt = written.end + anywhere;
    if (tokens[inAt]?.normal !== "in") continue;
    out.push({
      cat: "INPATTERN",
      start: t.index,
      end: inAt + 1,
      value: { k: "literal", text: written.text, phrase: phraseOf(tokens.slice(t.index, inAt + 1)) },
      strength: STRENGTH.looseValue,
    });
  }
  return out;
}
