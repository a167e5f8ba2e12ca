import type { AnnotatedToken, Chunk } from "@/lib/planner/english";
import type { Entity } from "@/lib/semantic-model/model-schema";
import { isMoneyUnit } from "@/lib/semantic-model/units";
import type { Terminal } from "./chart";
import type { Part } from "./parts";
import { wordKey, type Lexicon } from "./lexicon";
import { STRENGTH } from "./senses";

/**
 * MEAS terminals for the participle after an aggregate word that is the verb of a table's rows
 * ("total paid": payments, "total invoiced": invoices, "total ordered": orders): what those rows
 * are worth, their one money measure. The verb is the table's noun (its last word: "raw
 * payments" is payments), or the noun without its "-ment" ("payment" → "pay"). A table with no or several money measures gives no reading.
 */
export function paidAmountTerminals(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  terminals: Terminal<Part>[],
  entities: Entity[],
): Terminal<Part>[] {
  const chunkOf = (i: number) => chunks.find((c) => c.tokens.start <= i && i < c.tokens.end)!;
  return tokens.flatMap((t): Terminal<Part>[] => {
    const afterAggregate = terminals.some((g) => g.cat === "AGG" && g.end === t.index);
    if (!afterAggregate || t.pos !== "VERB" || !/(ed|id|nt)$/.test(t.normal)) return [];
    const rows = entities.filter((e) => {
      const noun = e.name.split(/[\s_]+/).pop();
      return noun === t.lemma || noun === `${t.lemma}ment`;
    });
    const worth = rows.flatMap((e) =>
      e.measures.filter((m) => isMoneyUnit(m.unit)).map((measure) => ({ entity: e, measure })),
    );
    if (rows.length !== 1 || worth.length !== 1) return [];
    const measure: Terminal<Part> = {
      cat: "MEAS",
      start: t.index,
      end: t.index + 1,
      value: { k: "sense", meaning: { kind: "measure", ...worth[0] }, phrase: t.text },
      strength: STRENGTH.synonym,
    };
    // "total paid in dollars": the particle the verb took is the unit's preposition.
    const next = tokens[t.index + 1];
    const particle: Terminal<Part>[] =
      next?.normal === "in" && !terminals.some((g) => g.cat === "PREP" && g.start === next.index)
        ? [
            {
              cat: "PREP",
              start: next.index,
              end: next.index + 1,
              value: { k: "word", word: "in", phrase: next.text, chunk: chunkOf(next.index) },
              strength: 0,
            },
          ]
        : [];
    return [measure, ...particle];
  });
}

/**
 * VMEAS terminals for a verb whose noun names a measure, before a comparison: "customers who
 * spent more than $50 in total" compares what they spend (a measure called "spend"). Only "in
 * total" after the comparison reads it (grammar.ts): without it, the amount of one row or of all
 * of them is left open.
 */
export function measureVerbTerminals(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  terminals: Terminal<Part>[],
  lexicon: Lexicon,
): Terminal<Part>[] {
  return tokens.flatMap((t): Terminal<Part>[] => {
    const beforeComparison = terminals.some((g) => g.cat === "CMP" && g.start === t.index + 1);
    if (!beforeComparison || t.pos !== "VERB") return [];
    const senses = (lexicon.phrases.get(wordKey(t.lemma)) ?? []).filter((s) => s.meaning.kind === "measure");
    // "who've spent": the whole verb group, its auxiliary too, ends in the verb.
    const group = chunks.find((c) => c.kind === "verb-group" && c.tokens.end === t.index + 1);
    return senses.map((s) => ({
      cat: "VMEAS",
      start: group?.tokens.start ?? t.index,
      end: t.index + 1,
      value: { k: "sense", meaning: s.meaning, phrase: t.text },
      strength: STRENGTH.synonym,
    }));
  });
}
