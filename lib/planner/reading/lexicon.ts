import pluralize from "pluralize";
import { lineItemNames } from "@/lib/semantic-model/line-items";
import type { Entity, SemanticModel } from "@/lib/semantic-model/model-schema";
import { createValueLookup, type ValueMatch } from "@/lib/semantic-model/value-lookup";
import { countryNames } from "@/lib/semantic-model/words/country-names";
import { STRENGTH, type Meaning } from "./senses";

export type Sense = { meaning: Meaning; strength: number };

/** The phrase index of one semantic model: word sequences (singular, lower case) → senses. */
export type Lexicon = {
  phrases: Map<string, Sense[]>;
  /** The longest phrase, in words. */
  longest: number;
  values: (text: string) => ValueMatch[];
  entities: SemanticModel["entities"];
  /** Every single word the model knows, for fuzzy matching of typos. */
  words: string[];
};

/** One word as the lexicon keys it: lower case, singular. */
export const wordKey = (word: string) => pluralize.singular(word.toLowerCase());
export const phraseKey = (phrase: string) =>
  phrase
    .toLowerCase()
    .split(/[\s_]+/)
    .filter(Boolean)
    .map(wordKey)
    .join(" ");

/** Builds the phrase index of `model`. Deterministic: senses keep the model's order. */
export function buildLexicon(model: SemanticModel): Lexicon {
  const phrases = new Map<string, Sense[]>();
  const add = (phrase: string, meaning: Meaning, strength: number) => {
    const key = phraseKey(phrase);
    if (!key) return;
    const senses = phrases.get(key) ?? [];
    const same = senses.find((s) => sameMeaning(s.meaning, meaning));
    if (same) same.strength = Math.max(same.strength, strength);
    else senses.push({ meaning, strength });
    phrases.set(key, senses);
  };
  for (const entity of model.entities) {
    if (entity.link) continue;
    add(entity.name, { kind: "entity", entity }, STRENGTH.name);
    add(entity.plural, { kind: "entity", entity }, STRENGTH.name);
    for (const w of entity.words ?? []) add(w, { kind: "entity", entity }, STRENGTH.words);
    for (const w of entity.synonyms ?? []) add(w, { kind: "entity", entity }, STRENGTH.synonym);
    const lines = lineItemNames(namesOf(entity), parentsOf(model, entity).flatMap(namesOf));
    for (const w of lines.words) add(w, { kind: "entity", entity }, STRENGTH.words);
    for (const w of lines.synonyms) add(w, { kind: "entity", entity }, STRENGTH.synonym);
    for (const measure of entity.measures) {
      for (const w of measure.words) add(w, { kind: "measure", entity, measure }, STRENGTH.words);
      for (const w of measure.synonyms ?? []) add(w, { kind: "measure", entity, measure }, STRENGTH.synonym);
    }
    for (const dimension of entity.dimensions) {
      for (const w of dimension.words) add(w, { kind: "dimension", entity, dimension }, STRENGTH.words);
      for (const w of dimension.synonyms ?? []) add(w, { kind: "dimension", entity, dimension }, STRENGTH.synonym);
    }
    for (const time of entity.timeDimensions) {
      for (const w of time.words) add(w, { kind: "time", entity, time }, STRENGTH.words);
      for (const w of time.synonyms ?? []) add(w, { kind: "time", entity, time }, STRENGTH.synonym);
    }
    for (const flag of entity.flags) for (const w of flag.words) add(w, { kind: "flag", entity, flag }, STRENGTH.words);
  }
  for (const relationship of model.relationships) {
    const entity = model.entities.find((e) => e.table === relationship.to);
    if (!entity) continue;
    for (const role of relationship.roles ?? []) add(role, { kind: "role", entity, relationship }, STRENGTH.words);
  }
  // "their name" of a person kept as first and last name: each part of the label answers to "name",
  // as a general synonym (a row-level request then asks which part; a group shows the whole label).
  for (const entity of model.entities) {
    if (entity.link || entity.label.length < 2 || entity.dimensions.some((d) => d.words.includes("name"))) continue;
    const parts = entity.dimensions.filter((d) => entity.label.includes(d.column));
    if (parts.length !== entity.label.length || !parts.every((d) => d.words.some((w) => w.split(" ").includes("name"))))
      continue;
    for (const dimension of parts) add("name", { kind: "dimension", entity, dimension }, STRENGTH.synonym);
  }
  // A key or foreign-key column written as its own name ("per user_id", "showing order id") is
  // that column: the model keeps keys apart from dimensions, but a request may name them outright.
  for (const entity of model.entities) {
    if (entity.link) continue;
    // A foreign key named as the key it points at ("customer_id" both sides) is read as that key.
    const foreign = model.relationships.filter(
      (r) => r.from === entity.table && r.fromColumns.length === 1 && r.toColumns[0] !== r.fromColumns[0],
    );
    const keys = [...(entity.key.length === 1 ? entity.key : []), ...foreign.map((r) => r.fromColumns[0])];
    for (const column of keys) {
      if (entity.dimensions.some((d) => d.column === column) || !column.includes("_")) continue;
      add(
        column.replaceAll("_", " "),
        { kind: "dimension", entity, dimension: { column, words: [column.replaceAll("_", " ")], kind: "identifier" } },
        STRENGTH.words,
      );
    }
  }
  const longest = Math.max(1, ...[...phrases.keys()].map((k) => k.split(" ").length));
  const words = [...new Set([...phrases.keys()].flatMap((k) => k.split(" ")))].sort();
  return {
    phrases,
    longest,
    values: createValueLookup(model, { alternatives: countryNames }),
    entities: model.entities,
    words,
  };
}

/** An entity's own singular phrases ("order detail"). */
const namesOf = (e: Entity) => [e.name, ...(e.words ?? [])];
/** The entities an entity's rows point at (its foreign keys). */
const parentsOf = (model: SemanticModel, e: Entity) =>
  model.relationships
    .filter((r) => r.from === e.table && r.cardinality !== "many_to_many")
    .flatMap((r) => model.entities.filter((p) => p.table === r.to && p !== e));

function sameMeaning(a: Meaning, b: Meaning): boolean {
  if (a.kind !== b.kind || a.entity !== b.entity) return false;
  if (a.kind === "role" && b.kind === "role") return a.relationship === b.relationship;
  const col = (m: Meaning) =>
    "measure" in m
      ? m.measure.column
      : "dimension" in m
        ? m.dimension.column
        : "time" in m
          ? m.time.column
          : "flag" in m
            ? m.flag.column
            : "";
  return col(a) === col(b);
}

/** `table.column` or `schema.table.column` as written: the entity it names and the column, lower case. */
export function qualifiedName(text: string, lexicon: Lexicon): { entity: Entity; column: string } | undefined {
  const parts = text.split(".");
  if (parts.length < 2) return undefined;
  const column = parts.pop()!.toLowerCase();
  const table = parts.join(".").toLowerCase();
  const entity = lexicon.entities.find(
    (e) => e.table.toLowerCase() === table || e.table.split(".").pop()!.toLowerCase() === table,
  );
  return entity && { entity, column };
}
