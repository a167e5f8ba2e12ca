import type { AnnotatedToken } from "@/lib/planner/english";
import type { Entity } from "@/lib/semantic-model/model-schema";
import { isMoneyUnit } from "@/lib/semantic-model/units";
import type { Terminal } from "./chart";
import type { Part } from "./parts";
import { STRENGTH } from "./senses";

/**
 * MEAS terminals for the participle after an aggregate word that is the verb of a table's rows
 * ("total paid": payments, "total invoiced": invoices, "total ordered": orders): what those rows
 * are worth, their one money measure. The verb is the table's noun (its last word: "raw
 * payments" is payments), or the noun without its "-ment" ("payment" → "pay"). A table with no or several money measures gives no reading.
 */
export function paidAmountTerminals(
  tokens: AnnotatedToken[],
  terminals: Terminal<Part>[],
  entities: Entity[],
): Terminal<Part>[] {
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
    return [
      {
        cat: "MEAS",
        start: t.index,
        end: t.index + 1,
        value: { k: "sense", meaning: { kind: "measure", ...worth[0] }, phrase: t.text },
        strength: STRENGTH.synonym,
      },
    ];
  });
}
