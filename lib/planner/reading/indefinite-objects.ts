import type { AnnotatedToken, Chunk } from "@/lib/planner/english";
import type { Terminal } from "./chart";
import type { Part } from "./parts";
import type { Entity } from "@/lib/semantic-model/model-schema";
import { STRENGTH } from "./senses";

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

/**
 * The pronouns of things that open a request as what it lists. Those of people ("anyone who
 * placed an order") are left out: a person is the one who did what the rest names, on other rows.
 */
const INDEFINITE_HEADS = new Set(["anything", "something", "everything"]);
// Categories whose terminals name a table's columns.
const COLUMNS = new Set(["MEAS", "DIM", "TDIM", "FLAG"]);

/**
 * ENT terminals for a pronoun of things that opens the request as what it lists ("anything with
 * tofu in the product name", "everything shipped in 2024"): it stands for the rows of a table the
 * rest of the request names a column or flag of ("product name" of products). One terminal per
 * such table; the readings that make no table drop out, and two that do are asked about.
 */
export function indefiniteHeadTerminals(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  terminals: Terminal<Part>[],
): Terminal<Part>[] {
  const head = chunks.find((c) => c.kind === "noun-phrase");
  const t = head && tokens[head.tokens.start];
  if (!head?.pronoun || !t || !INDEFINITE_HEADS.has(t.normal) || t.negatedBy !== undefined) return [];
  if (chunks.slice(0, chunks.indexOf(head)).some((c) => c.kind === "noun-phrase" || c.kind === "verb-group")) return [];
  const columns = terminals.filter((other) => COLUMNS.has(other.cat));
  // "name" inside "product name" names no table of its own.
  const inside = (o: Terminal<Part>) =>
    columns.some((w) => w.start <= o.start && o.end <= w.end && w.end - w.start > o.end - o.start);
  const entities = new Map<string, Entity>();
  for (const other of columns)
    if (other.value.k === "sense" && !inside(other))
      entities.set(other.value.meaning.entity.table, other.value.meaning.entity);
  return [...entities.values()].map((entity) => ({
    cat: "ENT",
    start: t.index,
    end: t.index + 1,
    value: { k: "sense", meaning: { kind: "entity", entity }, phrase: t.text },
    strength: STRENGTH.synonym,
  }));
}
