import type { AnnotatedToken, Chunk } from "@/lib/planner/english";
import { parseAll, type Terminal } from "./chart";
import { GRAMMAR } from "./grammar";
import { compress } from "./lattice";
import { wordKey, type Lexicon } from "./lexicon";
import { ABSENT, type Part } from "./parts";
import { STRENGTH, type Meaning } from "./senses";

/** The request's terminals once each negated stretch is read on its own. */
export type NegationReading = {
  /** Every negated stretch replaced by one ABSENT terminal per reading of it. */
  terminals: Terminal<Part>[];
  /** The negating word of a stretch no reading covers: the request is refused, naming it. */
  unread?: AnnotatedToken;
};

/** The emphatic word of "not a single", "no single" and "the largest single order": it adds no meaning. */
export const EMPHATIC_WORD = "single";

export const isEmphatic = (t: AnnotatedToken, tokens: AnnotatedToken[]) =>
  t.normal === EMPHATIC_WORD &&
  ((t.negatedBy !== undefined && ["a", "no", "one"].includes(tokens[t.index - 1]?.normal ?? "")) ||
    isSuperlative(tokens[t.index - 1]));

/** "the largest single order": a superlative adjective, after which "single" adds nothing either. */
const isSuperlative = (t: AnnotatedToken | undefined) =>
  t !== undefined && t.pos === "ADJ" && t.normal !== t.lemma && t.normal.endsWith("est");

/** Pronouns that negate a whole noun phrase ("products nobody ordered", "nothing was paid"). */
const NOBODY = new Set(["nobody", "nothing", "none", "noone", "no-one"]);
/** The business asking ("ordered anything from us"): no table of its own. */
const SPEAKER = new Set(["us", "me"]);
/** A negated clause after these keeps rows rather than filtering them ("including customers who never ordered"). */
const INCLUSION_LEMMAS = new Set(["include"]);
const POSSESSIVES = new Set(["their", "its", "his", "her"]);

type Region = {
  negator: AnnotatedToken;
  chunk: Chunk;
  kind: "verb" | "no" | "nobody" | "without";
  start: number;
  end: number;
  /**
   * After "including" ("…, including customers without orders"): the clause keeps rows rather than
   * filtering them, so its readings become INCLUDED terminals, which only that grammar rule reads.
   */
  included: boolean;
};

/**
 * Negation, read where lib/planner/english says it reaches: from the chunk that holds the
 * negating word to the end of its scope ("who [have never placed an order in 2024], per
 * country"). That stretch is parsed on its own from `Absent` (see grammar-existence.ts) and
 * replaced by its readings, so what the negation governs stays inside the anti-join and the rest
 * of the request stays outside. A negation in a comparison ("no more than 5") is the
 * comparison's. A stretch with no reading, or that may not filter at all ("including customers
 * who never ordered"), leaves the request unread rather than read without its negation.
 */
export function readNegations(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  all: Terminal<Part>[],
  lexicon: Lexicon,
): NegationReading {
  const chunkAt = (i: number) => chunks.find((c) => c.tokens.start <= i && i < c.tokens.end)!;
  const regions: Region[] = [];
  for (const negator of tokens.filter((t) => t.negator)) {
    const chunk = chunkAt(negator.index);
    if (chunk.kind === "comparison") continue;
    const kind = regionKind(negator, chunk, tokens);
    if (!kind) return { terminals: all, unread: negator };
    // "placed no orders", "bought nothing": the verb before the negated object belongs to it.
    const before = chunks[chunks.indexOf(chunk) - 1];
    const start =
      (kind === "no" || kind === "nobody") && before?.kind === "verb-group" && before.tokens.end === chunk.tokens.start
        ? before.tokens.start
        : chunk.tokens.start;
    const end = withRelativeClause(
      Math.max(
        negator.negator!.scope.end,
        chunk.tokens.end,
        kind === "nobody" && negator.normal === "no" ? negator.index + 2 : 0,
      ),
      kind === "without" && negator.normal !== "without",
      tokens,
    );
    const last = regions.at(-1);
    if (last && start < last.end) return { terminals: all, unread: negator };
    const included = tokens
      .slice(0, start)
      .some((t) => t.sentence === negator.sentence && INCLUSION_LEMMAS.has(t.lemma));
    // "employees without their managers" leaves a column out rather than rows.
    const ownColumn = kind === "without" && POSSESSIVES.has(tokens[negator.index + 1]?.normal ?? "");
    if (ownColumn) return { terminals: all, unread: negator };
    regions.push({ negator, chunk, kind, start, end, included });
  }

  const terminals = all.filter((t) => !regions.some((r) => t.start < r.end && t.end > r.start));
  for (const region of regions) {
    const readings = readRegion(region, tokens, all, lexicon);
    if (readings.length === 0) return { terminals: all, unread: region.negator };
    for (const { value, strength } of readings)
      terminals.push({
        cat: region.included ? "INCLUDED" : "ABSENT",
        start: region.start,
        end: region.end,
        value,
        strength,
      });
  }
  return { terminals };
}

const RELATIVE_WORDS = new Set(["who", "that", "which", "whose", "where"]);

/**
 * "ignoring tracks where the composer is blank", "excluding orders that were returned": the rows an
 * exclusion leaves out keep their own relative clause, to the end of it. ("customers without
 * orders who …" is left as it is: "without" states a condition of the rows before it.)
 */
function withRelativeClause(end: number, exclusion: boolean, tokens: AnnotatedToken[]): number {
  if (!exclusion || !RELATIVE_WORDS.has(tokens[end]?.normal ?? "")) return end;
  let k = end + 1;
  while (k < tokens.length && tokens[k].kind !== "punctuation" && tokens[k].sentence === tokens[end].sentence) k++;
  return k;
}

function regionKind(negator: AnnotatedToken, chunk: Chunk, tokens: AnnotatedToken[]): Region["kind"] | null {
  if (chunk.kind === "verb-group") return "verb";
  if (chunk.kind === "connective" && chunk.role === "without") return "without";
  if (chunk.kind !== "noun-phrase") return null;
  if (NOBODY.has(negator.normal) || (negator.normal === "no" && tokens[negator.index + 1]?.normal === "one"))
    return "nobody";
  return negator.normal === "no" ? "no" : null;
}

/** The readings of one negated stretch, parsed from `Absent` over its own terminals. */
function readRegion(
  region: Region,
  tokens: AnnotatedToken[],
  all: Terminal<Part>[],
  lexicon: Lexicon,
): { value: Part; strength: number }[] {
  const { chunk, negator } = region;
  const word = (w: string, start: number, end: number) => ({
    k: "word" as const,
    word: w,
    phrase: tokens
      .slice(start, end)
      .map((t) => t.text)
      .join(" "),
    chunk,
  });
  const inside = all.filter(
    (t) =>
      t.start >= region.start && t.end <= region.end && !(t.cat === "PREP" && SPEAKER.has(tokens[t.end]?.normal ?? "")),
  );
  const own: Terminal<Part>[] = [];
  for (const t of inside) {
    const onNegatedVerb = region.kind === "verb" && t.start >= chunk.tokens.start && t.end <= chunk.tokens.end;
    if (!onNegatedVerb) own.push(t);
    // "are not in Germany": a form of "be" stays the copula, whatever preposition it took.
    else if (t.cat === "VERB" && t.value.k === "verb" && t.value.lemma === "be") own.push({ ...t, cat: "NBE" });
    else if (t.cat === "VERB" || t.cat === "BE" || t.cat === "TDIM") own.push({ ...t, cat: `N${t.cat}` });
  }
  // "never shipped" says an event did not happen: where the verb names a date, that date is empty,
  // not a state the rows are in now ("not shipped" may be either).
  const eventDate = negator.normal === "never" && own.some((t) => t.cat === "NTDIM");
  if (region.kind === "verb" && chunk.kind === "verb-group" && !eventDate) {
    // "are not cancelled", "aren't discontinued": the verb's own word is a value or a flag.
    const head = tokens[chunk.head];
    const phrase = chunk.text;
    const senses: Meaning[] = [
      ...lexicon.values(head.text).flatMap((m): Meaning[] => {
        const entity = lexicon.entities.find((e) => e.table === m.table);
        return entity ? [{ kind: "value", entity, column: m.column, value: m.value }] : [];
      }),
      ...(lexicon.phrases.get(wordKey(head.normal)) ?? []).map((s) => s.meaning).filter((m) => m.kind === "flag"),
    ];
    // As strong as grounding makes any other sense of the same words, so no reading wins by its length.
    const span = chunk.tokens.end - chunk.tokens.start;
    const strength = (meaning: Meaning) =>
      (meaning.kind === "flag" ? STRENGTH.words : STRENGTH.value) * span + 0.2 * (span - 1);
    for (const meaning of senses)
      own.push({
        cat: meaning.kind === "flag" ? "NFLAG" : "NVAL",
        start: chunk.tokens.start,
        end: chunk.tokens.end,
        value: { k: "sense", meaning, phrase },
        strength: strength(meaning),
      });
  }
  if (region.kind === "no")
    own.push({
      cat: "NO",
      start: negator.index,
      end: negator.index + 1,
      value: word("no", negator.index, negator.index + 1),
      strength: 0,
    });
  if (region.kind === "nobody") {
    const end = negator.normal === "no" ? negator.index + 2 : negator.index + 1;
    own.push({ cat: "NOBODY", start: negator.index, end, value: word("nobody", negator.index, end), strength: 0 });
  }
  const shifted = own.map((t) => ({ ...t, start: t.start - region.start, end: t.end - region.start }));
  const { terminals, length } = compress(shifted, region.end - region.start);
  return parseAll({ rules: GRAMMAR, terminals, length, start: "Absent", absent: ABSENT, limit: 100 });
}
