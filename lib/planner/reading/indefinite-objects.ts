import type { AnnotatedToken, Chunk } from "@/lib/planner/english";
import type { Terminal } from "./chart";
import type { Part } from "./parts";

/** Pronouns that stand for "some row", whatever it is. */
const INDEFINITE = new Set(["something", "anything", "someone", "anyone", "somebody", "anybody"]);

/**
 * SOMETHING terminals: "who bought something", "that ordered anything": an indefinite pronoun
 * as a verb's object says related rows exist, so it is read rather than dropped. Under a
 * negation ("never ordered anything") it adds nothing to the negated verb and is left out.
 */
export function indefiniteObjectTerminals(tokens: AnnotatedToken[], chunks: Chunk[]): Terminal<Part>[] {
  return chunks.flatMap((c, i) => {
    const t = tokens[c.tokens.start];
    const before = chunks[i - 1];
    if (
      c.kind !== "noun-phrase" ||
      !c.pronoun ||
      !INDEFINITE.has(t.normal) ||
      t.negatedBy !== undefined ||
      before?.kind !== "verb-group"
    )
      return [];
    return [
      {
        cat: "SOMETHING",
        start: t.index,
        end: t.index + 1,
        value: { k: "word", word: t.normal, phrase: t.text, chunk: c },
        strength: 0,
      },
    ];
  });
}
