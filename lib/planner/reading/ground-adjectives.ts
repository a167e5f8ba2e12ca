import type { AnnotatedToken, Chunk, ComparisonPhrase } from "@/lib/planner/english";
import type { Terminal } from "./chart";
import { propertyColumns, readDimensionAdjective, type DimensionAdjective } from "./dimension-adjectives";
import type { Lexicon } from "./lexicon";
import type { Part } from "./parts";

/** The property adjective a comparison compares by ("heavier than", "more expensive than"), if any. */
export function comparativeOf(tokens: AnnotatedToken[], c: ComparisonPhrase): DimensionAdjective | undefined {
  if (c.comparative === undefined) return undefined;
  const found =
    readDimensionAdjective(tokens, c.comparative) ??
    (c.comparative > c.tokens.start ? readDimensionAdjective(tokens, c.comparative - 1) : undefined);
  return found?.degree === "comparative" ? found : undefined;
}

/** Whether token `i` is part of an adjective of a property ("heaviest", the "recent" of "most recent"). */
export const isDimensionAdjective = (tokens: AnnotatedToken[], i: number) =>
  readDimensionAdjective(tokens, i) !== undefined || (i > 0 && (readDimensionAdjective(tokens, i - 1)?.end ?? 0) > i);

/**
 * Terminals for adjectives of a measurable property, once the request's entities are known:
 * - SUPER for a superlative ("the heaviest products", "the 5 most recent orders", "lightest
 *   first"): once with the property alone (it ranks a measure the request names: "the
 *   heaviest freight") and once per column of a named entity that has the property. Price
 *   superlatives ("cheapest") are the grammar's (grammar-terminals.ts);
 * - CMP for a comparison by a property ("heavier than 4 kg"), once per such column. The
 *   chunk's plain comparison is not emitted (see ground.ts): "orders heavier than 50" must not
 *   compare whatever measure orders have.
 * An adjective whose property no named entity has leaves its words to the other readings, and
 * unread if there are none.
 */
export function dimensionAdjectiveTerminals(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  lexicon: Lexicon,
  terminals: Terminal<Part>[],
  text: (s: number, e: number) => string,
): Terminal<Part>[] {
  const named = new Set(
    terminals.flatMap((t) =>
      t.value.k === "sense" && (t.cat === "ENT" || t.cat === "ROLE") ? [t.value.meaning.entity.table] : [],
    ),
  );
  const out: Terminal<Part>[] = [];
  const emit = (cat: string, start: number, end: number, value: Part) =>
    out.push({ cat, start, end, value, strength: 1 });
  const superlative = (adj: DimensionAdjective) => {
    // Superlatives of price rank by the money column and are read with the grammar's own terminals.
    if (adj.property === "price") return false;
    const phrase = text(adj.start, adj.end);
    emit("SUPER", adj.start, adj.end, { k: "super", direction: adj.direction, phrase, property: adj.property });
    for (const column of propertyColumns(adj.property, lexicon, named))
      emit("SUPER", adj.start, adj.end, {
        k: "super",
        direction: adj.direction,
        phrase,
        property: adj.property,
        column,
      });
    return true;
  };
  for (const c of chunks) {
    if (c.kind === "noun-phrase") {
      for (let i = c.tokens.start; i < c.tokens.end; i++) {
        const adj = readDimensionAdjective(tokens, i);
        if (adj?.degree === "superlative" && adj.end <= c.tokens.end) superlative(adj);
      }
    } else if (c.kind === "ordering" && c.superlative !== undefined) {
      // "cheapest first": the adjective, then the words that say its end comes first.
      const adj = readDimensionAdjective(tokens, c.superlative);
      if (adj?.degree !== "superlative" || adj.end >= c.tokens.end || !superlative(adj)) continue;
      emit("ORDER", adj.end, c.tokens.end, { k: "order", chunk: c, phrase: text(adj.end, c.tokens.end) });
    } else if (c.kind === "comparison") {
      const adj = comparativeOf(tokens, c);
      if (!adj) continue;
      for (const attr of propertyColumns(adj.property, lexicon, named))
        emit("CMP", c.tokens.start, c.tokens.end, { k: "compare", chunk: c, phrase: c.text, attr });
    }
  }
  return out;
}
