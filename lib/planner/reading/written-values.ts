import type { AnnotatedToken } from "@/lib/planner/english";
import type { Terminal } from "./chart";
import type { Part } from "./parts";
import { sense } from "./phrase-parts";
import { STRENGTH } from "./senses";

/**
 * LIT terminals: values written out that the value index does not hold ("Germany" where the
 * countries were not indexed, "'Sao Paulo'", "ON"). A quoted span is one value; unquoted, a run
 * of capitalised words is. The grammar reads them only right after the column they belong to
 * ("where country is Germany", "status in ('shipped', 'returned')"), so a capitalised word is
 * never guessed to be some column's value on its own.
 */
export function writtenValueTerminals(tokens: AnnotatedToken[], terminals: Terminal<Part>[]): Terminal<Part>[] {
  const indexed = (i: number) => terminals.some((t) => t.cat === "VAL" && t.start <= i && i < t.end);
  const out: Terminal<Part>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.possibleValue || indexed(i) || t.sentenceInitial) continue;
    let end = i + 1;
    if (!t.quoted)
      while (end < tokens.length && tokens[end].possibleValue && !tokens[end].quoted && !indexed(end)) end++;
    const words = tokens.slice(i, end);
    const text = t.quoted ? t.quoted.inner : words.map((w) => w.text).join(" ");
    if (text.trim() === "") continue;
    out.push({
      cat: "LIT",
      start: i,
      end,
      value: { k: "literal", text, phrase: words.map((w) => w.text).join(" ") },
      strength: STRENGTH.looseValue,
    });
    i = end - 1;
  }
  return out;
}

/**
 * "where country is Germany", "whose status is 'shipped' or 'returned'": values written after the
 * text column they belong to. Where the column's values are all indexed, a written value must be
 * one of them (spelled as stored); a value the column never holds is no reading.
 */
export function writtenValues(a: Part, vs: Part[], phrase: string): Part | undefined {
  const attr = sense(a);
  if (attr?.kind !== "dimension") return undefined;
  const { entity, dimension } = attr;
  const meanings = [];
  for (const v of vs) {
    const m = sense(v);
    if (m?.kind === "value") {
      if (m.entity !== entity || m.column !== dimension.column) return undefined;
      meanings.push(m);
      continue;
    }
    if (v.k !== "literal") return undefined;
    const stored = dimension.values?.find((s) => s.toLowerCase() === v.text.toLowerCase());
    if (dimension.values && !dimension.valuesSampled && !stored) return undefined;
    meanings.push({ kind: "value" as const, entity, column: dimension.column, value: stored ?? v.text });
  }
  return { k: "values", meanings, phrase };
}
