import type { AnnotatedToken } from "@/lib/planner/english";
import type { Catalog } from "@/lib/catalog/types";
import type { Entity, SemanticModel } from "@/lib/semantic-model/model-schema";
import type { Terminal } from "./chart";
import { Impossible } from "./build-sources";
import type { Hop } from "./join-paths";
import { type Lexicon, qualifiedName, wordKey } from "./lexicon";
import type { Part } from "./parts";
import { JOIN_VERBS } from "./verb-classes";

/** Words between the two tables of a join ("customers and orders", "customers with orders", "joined to orders"). */
const PAIRING = new Set(["and", "with", "to"]);
/** Words before the key of a join ("on customer_id", "using customer_id", "by customer_id"). */
const KEYING = new Set(["on", "using", "by", "via", "over"]);

/**
 * The terminals of a join instruction: JOIN (the verb), PAIR (the word between the tables),
 * KEYED (the word before the key) and KEY (the column named after it). They are read from the
 * tokens, whatever part of speech the tagger gave them ("joined to orders using …" tags "orders" as
 * a verb), and only after a join verb: elsewhere "and", "with", "by" keep their ordinary readings.
 * A table's name inside the instruction that the noun phrases missed is read as the table.
 */
export function joinInstructionTerminals(
  tokens: AnnotatedToken[],
  terminals: Terminal<Part>[],
  lexicon: Lexicon,
): Terminal<Part>[] {
  const out: Terminal<Part>[] = [];
  const word = (t: AnnotatedToken, cat: string) =>
    out.push({
      cat,
      start: t.index,
      end: t.index + 1,
      value: { k: "name", name: t.normal, phrase: t.text },
      strength: 0,
    });
  for (const verb of tokens.filter((t) => JOIN_VERBS.has(t.lemma))) {
    word(verb, "JOIN");
    const sentence = tokens.filter((t) => t.sentence === verb.sentence && t.index >= verb.index - 1);
    const keyed = sentence.find((t) => t.index > verb.index && KEYING.has(t.normal));
    for (const t of sentence) {
      if (t.index === verb.index || (keyed && t.index > keyed.index + 1)) continue;
      if (PAIRING.has(t.normal)) word(t, "PAIR");
      if (t === keyed) word(t, "KEYED");
      if (keyed && t.index === keyed.index + 1 && t.kind !== "punctuation")
        out.push({
          cat: "KEY",
          start: t.index,
          end: t.index + 1,
          value: { k: "name", name: t.normal, phrase: t.text },
          strength: 0,
        });
      if (!terminals.some((g) => g.cat === "ENT" && g.start === t.index)) {
        for (const s of lexicon.phrases.get(wordKey(t.normal)) ?? []) {
          if (s.meaning.kind === "entity")
            out.push({
              cat: "ENT",
              start: t.index,
              end: t.index + 1,
              value: { k: "sense", meaning: s.meaning, phrase: t.text },
              strength: s.strength,
            });
        }
      }
    }
  }
  return out;
}

/**
 * "orders.customer_id = customers.customer_id": a join written as an equality of two tables' key
 * columns, one JOINEQ terminal holding the instruction. Only the same column name on both sides
 * reads (the hop then works as "join orders and customers on customer_id").
 */
export function joinEqualityTerminals(tokens: AnnotatedToken[], lexicon: Lexicon): Terminal<Part>[] {
  const out: Terminal<Part>[] = [];
  const column = (t: AnnotatedToken | undefined) =>
    t?.identifier?.style === "dotted" ? qualifiedName(t.text, lexicon) : undefined;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, eq, b] = [column(tokens[i]), tokens[i + 1], column(tokens[i + 2])];
    if (!a || !b || eq.text !== "=" || a.column !== b.column || a.entity === b.entity) continue;
    const phrase = tokens
      .slice(i, i + 3)
      .map((t) => t.text)
      .join(" ");
    out.push({
      cat: "JOINEQ",
      start: i,
      end: i + 3,
      value: { k: "join-instruction", left: a.entity, right: b.entity, key: a.column, phrase },
      strength: 0,
    });
  }
  return out;
}

/** A join instruction whose key links neither way: the request is refused with its words. */
export class UnlinkedJoin extends Impossible {}

/**
 * The join a request spells out, as one hop from `left` to `right`: over a declared foreign key
 * between the two on the named column, else over a column both tables have. Rows repeat across
 * the hop unless the key is the whole key of the table joined to.
 */
export function instructedHop(
  left: Entity,
  right: Entity,
  key: string,
  phrase: string,
  model: SemanticModel,
  catalog?: Catalog,
): { hop: Hop; back: Hop } {
  const pair = (fromColumns: string[], toColumns: string[], fansOut: boolean, backFansOut: boolean) => ({
    hop: { from: left.table, to: right.table, fromColumns, toColumns, fansOut },
    back: { from: right.table, to: left.table, fromColumns: toColumns, toColumns: fromColumns, fansOut: backFansOut },
  });
  const column = key.toLowerCase();
  for (const rel of model.relationships) {
    if (rel.cardinality === "many_to_many" || rel.fromColumns.length !== 1) continue;
    const named = rel.fromColumns[0].toLowerCase() === column || rel.toColumns[0].toLowerCase() === column;
    if (!named) continue;
    if (rel.from === left.table && rel.to === right.table)
      return pair(rel.fromColumns, rel.toColumns, false, rel.cardinality !== "one_to_one");
    if (rel.from === right.table && rel.to === left.table)
      return pair(rel.toColumns, rel.fromColumns, rel.cardinality !== "one_to_one", false);
  }
  const own = (e: Entity) => columnsOf(e, catalog).find((c) => c.toLowerCase() === column);
  const [l, r] = [own(left), own(right)];
  if (!l || !r || left.table === right.table)
    throw new UnlinkedJoin(
      `"${phrase}": ${key} does not link ${left.plural} and ${right.plural} (it is not a column of both, nor a foreign key between them)`,
    );
  // A table with no declared key, joined on a column the request names, is read as a lookup on that column:
  // the data tests then prove each row meets at most one (the fan-out check), and a repeat fails the build.
  const repeats = (e: Entity, c: string) => e.key.length > 0 && !(e.key.length === 1 && e.key[0] === c);
  return pair([l], [r], repeats(right, r), repeats(left, l));
}

/** A table's columns in the catalog's order; without a catalog, the ones its model knows. */
export function columnsOf(e: Entity, catalog?: Catalog): string[] {
  const table = catalog?.tables.find((t) => `${t.schema}.${t.name}` === e.table);
  if (table) return table.columns.map((c) => c.name);
  return [
    ...new Set([
      ...e.key,
      ...e.label,
      ...e.dimensions.map((d) => d.column),
      ...e.timeDimensions.map((t) => t.column),
      ...e.measures.map((m) => m.column),
      ...e.flags.map((f) => f.column),
    ]),
  ];
}

/** The join graph with the instructed hop as the only tie between its two tables, both ways. */
export function withInstructedHop(
  graph: Map<string, Hop[]>,
  { hop, back }: { hop: Hop; back: Hop },
): Map<string, Hop[]> {
  const next = new Map(graph);
  const between = (h: Hop) => (h.from === hop.from && h.to === hop.to) || (h.from === hop.to && h.to === hop.from);
  next.set(hop.from, [...(graph.get(hop.from) ?? []).filter((h) => !between(h)), hop]);
  next.set(hop.to, [...(graph.get(hop.to) ?? []).filter((h) => !between(h)), back]);
  return next;
}
