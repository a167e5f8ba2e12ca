import type { AnnotatedToken } from "@/lib/planner/english";
import type { Lexicon } from "./lexicon";
import type { Meaning } from "./senses";

/**
 * Adjectives of a measurable property, which English ranks and compares by ("the heaviest",
 * "cheaper than", "the most recent"): the property and which end the plain adjective means.
 * General English; size words ("largest", "biggest") rank by whatever measure is named and are
 * read as quantity superlatives instead. "old"/"young" are left out: of people they mean age.
 */
const ADJECTIVES: Record<string, { property: Property; direction: "desc" | "asc" }> = {
  heavy: { property: "weight", direction: "desc" },
  light: { property: "weight", direction: "asc" },
  long: { property: "length", direction: "desc" },
  short: { property: "length", direction: "asc" },
  expensive: { property: "price", direction: "desc" },
  pricey: { property: "price", direction: "desc" },
  pricy: { property: "price", direction: "desc" },
  costly: { property: "price", direction: "desc" },
  cheap: { property: "price", direction: "asc" },
  inexpensive: { property: "price", direction: "asc" },
  recent: { property: "time", direction: "desc" },
  new: { property: "time", direction: "desc" },
  late: { property: "time", direction: "desc" },
  early: { property: "time", direction: "asc" },
};

export type Property = "weight" | "length" | "price" | "time";

/** The words a model gives the columns of a property (its own words, or general synonyms from the unit). */
const PROPERTY_NOUNS: Record<Exclude<Property, "time">, string[]> = {
  weight: ["weight", "mass"],
  length: ["length", "duration"],
  price: ["price"],
};

/** An adjective of a property read at a token: "heaviest", "most expensive", "cheaper", "less expensive". */
export type DimensionAdjective = {
  start: number;
  end: number;
  property: Property;
  direction: "desc" | "asc";
  degree: "superlative" | "comparative";
};

/** The base form of an inflected adjective the table knows ("heaviest" → heavy, "later" → late, "bigger" → big). */
function baseOf(word: string): string | undefined {
  if (Object.hasOwn(ADJECTIVES, word)) return word;
  const match = /^(.+?)(est|er)$/.exec(word);
  if (!match) return undefined;
  const stem = match[1];
  const candidates = [stem, `${stem}e`, stem.replace(/i$/, "y"), stem.replace(/(.)\1$/, "$1")];
  return candidates.find((c) => Object.hasOwn(ADJECTIVES, c));
}

/**
 * The adjective of a property at token `i`, if any: an inflected form ("heaviest", "longer"),
 * or "most"/"least"/"more"/"less" before a plain one ("most recent", "less expensive"; "least"
 * and "less" turn its direction around).
 */
export function readDimensionAdjective(tokens: AnnotatedToken[], i: number): DimensionAdjective | undefined {
  const t = tokens[i];
  const next = tokens[i + 1];
  const degreeWord = { most: "superlative", least: "superlative", more: "comparative", less: "comparative" } as const;
  if (Object.hasOwn(degreeWord, t.normal) && next && Object.hasOwn(ADJECTIVES, next.normal)) {
    const { property, direction } = ADJECTIVES[next.normal];
    const flipped = t.normal === "least" || t.normal === "less";
    return {
      start: i,
      end: i + 2,
      property,
      direction: flipped ? (direction === "desc" ? "asc" : "desc") : direction,
      degree: degreeWord[t.normal as keyof typeof degreeWord],
    };
  }
  if (t.pos !== "ADJ" && t.pos !== "ADV") return undefined;
  const inflection = /est$/.test(t.normal) ? "superlative" : /er$/.test(t.normal) ? "comparative" : undefined;
  const base = inflection && (baseOf(t.lemma) ?? baseOf(t.normal));
  if (!inflection || !base) return undefined;
  return { start: i, end: i + 1, ...ADJECTIVES[base], degree: inflection };
}

/**
 * The columns that have a property, among the entities a request names: measures whose words
 * or synonyms name it ("weight", "length", "price"), or for time the entity's default date.
 */
export function propertyColumns(property: Property, lexicon: Lexicon, named: Set<string>): Meaning[] {
  if (property === "time") {
    return lexicon.entities
      .filter((e) => named.has(e.table))
      .flatMap((entity) =>
        entity.timeDimensions.filter((t) => t.default).map((time): Meaning => ({ kind: "time", entity, time })),
      );
  }
  const found: Meaning[] = [];
  for (const noun of PROPERTY_NOUNS[property]) {
    for (const { meaning } of lexicon.phrases.get(noun) ?? []) {
      if (
        meaning.kind === "measure" &&
        named.has(meaning.entity.table) &&
        !found.some((f) => f.kind === "measure" && f.measure === meaning.measure)
      )
        found.push(meaning);
    }
  }
  return found;
}
