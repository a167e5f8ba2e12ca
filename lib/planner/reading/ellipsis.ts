import type { AnnotatedToken, Chunk } from "@/lib/planner/english";
import type { Terminal } from "./chart";
import { phraseKey, type Lexicon } from "./lexicon";
import type { Part } from "./parts";
import type { Meaning } from "./senses";

const CATEGORY: Partial<Record<Meaning["kind"], string>> = { measure: "MEAS", dimension: "DIM", time: "TDIM" };
const COORDINATORS = new Set(["and", "or", "+", "&"]);

/**
 * "first and last name", "unit and total price": a modifier coordinated with the first word of a
 * phrase shares the phrase's head, so "first" reads as "first name". Emits the elided phrase's
 * senses on the modifier's own word; the coordinator then joins two attributes as usual.
 */
export function elidedHeadTerminals(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  terminals: Terminal<Part>[],
  lexicon: Lexicon,
): Terminal<Part>[] {
  const out: Terminal<Part>[] = [];
  for (let i = 0; i + 3 < tokens.length; i++) {
    const modifier = tokens[i];
    if (!COORDINATORS.has(tokens[i + 1].normal) || modifier.kind === "punctuation") continue;
    for (const t of terminals) {
      if (
        t.start !== i + 2 ||
        t.end - t.start < 2 ||
        !CATEGORY[t.cat === "DIM" ? "dimension" : t.cat === "MEAS" ? "measure" : t.cat === "TDIM" ? "time" : "entity"]
      )
        continue;
      const head = tokens
        .slice(t.start + 1, t.end)
        .map((w) => w.text)
        .join(" ");
      for (const sense of lexicon.phrases.get(phraseKey(`${modifier.text} ${head}`)) ?? []) {
        const cat = CATEGORY[sense.meaning.kind];
        if (cat)
          out.push({
            cat,
            start: i,
            end: i + 1,
            value: { k: "sense", meaning: sense.meaning, phrase: modifier.text },
            strength: sense.strength,
          });
      }
      // Inside one noun phrase the coordinator has no terminal of its own yet.
      const chunk = chunks.find((c) => c.tokens.start <= i + 1 && i + 1 < c.tokens.end);
      const and = tokens[i + 1];
      if (
        out.some((o) => o.start === i) &&
        chunk &&
        !terminals.some((o) => o.start <= i + 1 && i + 1 < o.end) &&
        !out.some((o) => o.start === i + 1)
      )
        out.push({
          cat: and.normal === "or" ? "OR" : "AND",
          start: i + 1,
          end: i + 2,
          value: { k: "word", word: and.normal, phrase: and.text, chunk },
          strength: 0,
        });
    }
  }
  return out;
}
