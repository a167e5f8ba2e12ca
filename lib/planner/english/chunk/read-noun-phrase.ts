import {
  type ChunkContext,
  closesWithFirstOrLast,
  isCount,
  isSuperlative,
  makeChunk,
} from "@/lib/planner/english/chunk/context";
import { readAggregate } from "@/lib/planner/english/chunk/read-aggregate";
import { readComparison } from "@/lib/planner/english/chunk/read-comparison";
import { arithmeticAt } from "@/lib/planner/english/chunk/read-marks";
import type { NounPhrase } from "@/lib/planner/english/chunk/types";
import { AGGREGATE_WORDS } from "@/lib/planner/english/chunk/word-classes";
import {
  inNameRun,
  isParticiplePremodifier,
  nounFollows,
  verbAfterSubject,
  verbReadsAsNoun,
} from "@/lib/planner/english/chunk/word-shapes";
import type { AnnotatedToken } from "@/lib/planner/english/types";

const POSSESSIVE_PRONOUNS = new Set(["their", "its", "our", "my", "your", "his", "her", "whose"]);

/**
 * A noun phrase: a determiner or possessive pronoun, counts, adjectives (superlatives too),
 * verb forms used as modifiers ("shipped orders"), nouns, names, identifiers and possessive
 * "'s", up to its head noun: "the 5 longest tracks", "each customer's first rental", "total
 * order amount", "first and last name", "the Paris office". A personal pronoun is a phrase of
 * its own. The phrase stops where a comparison, an aggregate phrase, an arithmetic operator,
 * a time phrase or a quoted value begins.
 */
export function readNounPhrase(ctx: ChunkContext, i: number): NounPhrase | null {
  const { tokens, chunks } = ctx;
  const first = tokens[i];
  if (first.time || first.kind === "quoted" || first.kind === "punctuation" || first.kind === "symbol") return null;
  const previous = chunks.at(-1);
  // The name given after "call it", "as", "named": one word, whatever its tag ("call it balance").
  if (previous?.kind === "connective" && previous.role === "naming" && first.kind !== "number")
    return makeChunk<NounPhrase>(tokens, i, i + glueAfter(tokens, i), { kind: "noun-phrase", head: i });
  if (first.pos === "PRON" && !POSSESSIVE_PRONOUNS.has(first.normal)) {
    return makeChunk<NounPhrase>(tokens, i, i + 1, {
      kind: "noun-phrase",
      head: i,
      pronoun: true,
      ...(first.negator && { negator: i }),
    });
  }
  let k = i;
  let nouns = 0;
  while (k < tokens.length && belongs(ctx, k, i, nouns)) {
    if (isNounLike(tokens[k])) nouns++;
    k += glueAfter(tokens, k);
  }
  if (k === i) return null;
  return describe(tokens, i, k);
}

const DEMONSTRATIVES = new Set(["that", "this", "these", "those"]);

function belongs(ctx: ChunkContext, k: number, start: number, nouns: number): boolean {
  const { tokens, chunks } = ctx;
  const t = tokens[k];
  const before = tokens[k - 1];
  if (isPluralPossessive(tokens, k, start)) return true;
  if ((t.pos === "CCONJ" || t.text === "+") && k > start && t.sentence === tokens[start].sentence)
    return coordinatesModifiers(tokens, k);
  if (
    t.sentence !== tokens[start].sentence ||
    t.time ||
    t.kind === "quoted" ||
    t.kind === "punctuation" ||
    t.kind === "symbol"
  )
    return false;
  if (k > start && (readComparison(ctx, k) || readAggregate(ctx, k) || arithmeticAt(tokens, k))) return false;
  if (k > start && verbAfterSubject(tokens, k, start, chunks.at(-1))) return false;
  if (k === start && (t.pos === "DET" || POSSESSIVE_PRONOUNS.has(t.normal) || DEMONSTRATIVES.has(t.normal)))
    return true;
  // "all the cancelled orders", "both their names": a determiner after "all"/"both".
  if (
    k === start + 1 &&
    (before.normal === "all" || before.normal === "both") &&
    (t.pos === "DET" || POSSESSIVE_PRONOUNS.has(t.normal))
  )
    return true;
  if (isNounLike(t) || inNameRun(tokens, k)) return true;
  // "largest amount first": "first" closing the clause orders the rows; it is not a modifier.
  if (nouns > 0 && closesWithFirstOrLast(tokens, k)) return false;
  if (t.kind === "number") return !t.number?.ordinal ? nouns === 0 : true;
  if (t.pos === "ADJ") return tokens[k + 1]?.normal !== "than";
  if (t.pos === "ADV") return adverbBelongs(tokens, k, start);
  if (t.normal === "'s" || t.normal === "'")
    return k > start && !t.spaceBefore && isNounLike(before) && modifierOrNounFollows(tokens, k + 1);
  if (t.pos === "VERB") {
    if (k === start)
      return isParticiplePremodifier(tokens, k, chunks.at(-1)) || verbReadsAsNoun(tokens, k, chunks.at(-1));
    // Inside a phrase: "the cancelled orders", "bank transfer payments", "their total spend",
    // "least used payment method", "order counts by status".
    const inflected = t.normal !== t.lemma;
    if (AGGREGATE_WORDS.has(t.lemma) && isNounLike(before)) return true;
    if (nounFollows(tokens, k + 1)) return inflected ? nouns === 0 : isNounLike(before) || before.pos === "ADJ";
    return !inflected && before.pos === "ADJ";
  }
  return false;
}

/**
 * Adverbs inside a noun phrase: a degree before an adjective or participle ("most expensive",
 * "very first", "least used", "quarterly total"), and "the most"/"the least" as a phrase.
 */
function adverbBelongs(tokens: AnnotatedToken[], k: number, start: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  if ((t.normal === "most" || t.normal === "least") && tokens[k - 1]?.normal === "the" && k - 1 >= start) return true;
  if (!next || next.sentence !== t.sentence || next.time) return false;
  if (next.pos === "ADJ") return true;
  return (t.normal === "most" || t.normal === "least") && next.pos === "VERB";
}

/** After a possessive: "customer's name", "customer's very first order", "customer's first rental" (tagged ADV ADJ). */
function modifierOrNounFollows(tokens: AnnotatedToken[], k: number): boolean {
  const t = tokens[k];
  return (
    !!t &&
    t.sentence === tokens[k - 1].sentence &&
    !t.time &&
    (nounFollows(tokens, k) || ["ADJ", "ADV", "NUM"].includes(t.pos))
  );
}

/** "customers' orders": an apostrophe written straight after a plural noun, before another noun. */
function isPluralPossessive(tokens: AnnotatedToken[], k: number, start: number): boolean {
  const t = tokens[k];
  const before = tokens[k - 1];
  return (
    k > start &&
    (t.text === "'" || t.text === "\u2019") &&
    !t.spaceBefore &&
    isNounLike(before) &&
    /s$/i.test(before.text) &&
    nounFollows(tokens, k + 1)
  );
}

/** How many tokens to step: a word joined by a hyphen or slash without spaces ("best-selling", "K-Pop") moves on by two. */
function glueAfter(tokens: AnnotatedToken[], k: number): number {
  const joint = tokens[k + 1];
  const joined = tokens[k + 2];
  const glued =
    joint &&
    joined &&
    (joint.text === "-" || joint.text === "/") &&
    !joint.spaceBefore &&
    !joined.spaceBefore &&
    joined.kind === "word";
  return glued ? 3 : 1;
}

/** "first and last name", "shipped or completed orders": and/or between two modifiers of one noun. */
function coordinatesModifiers(tokens: AnnotatedToken[], k: number): boolean {
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  if (!after || isNounLike(before)) return false;
  const modifier = (t: AnnotatedToken) =>
    t.pos === "ADJ" || t.pos === "VERB" || !!t.number?.ordinal || t.normal === "most";
  return modifier(before) && modifier(after) && nounFollows(tokens, k + 1);
}

function isNounLike(t: AnnotatedToken): boolean {
  return t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "X" || t.kind === "identifier";
}

function describe(tokens: AnnotatedToken[], start: number, end: number): NounPhrase {
  const words = tokens.slice(start, end);
  // The head is the last noun, unless the phrase goes on past it with modifiers only after a
  // possessive ("each customer's first rental", where the model tags "rental" ADJ).
  let head = end - 1;
  const lastPossessive = words.findLastIndex((t) => t.normal === "'s" || t.normal === "'");
  for (let k = end - 1; k >= start; k--) {
    if (isNounLike(tokens[k])) {
      if (lastPossessive < 0 || k > start + lastPossessive) head = k;
      break;
    }
  }
  const first = tokens[start];
  const determiner =
    first.pos === "DET" || POSSESSIVE_PRONOUNS.has(first.normal) || DEMONSTRATIVES.has(first.normal)
      ? first.normal
      : undefined;
  const count = words.find((t) => isCount(t) && t.index < head);
  const superlative = words.filter((t) => isSuperlative(t)).map((t) => t.index);
  const aggregate = words.filter((t) => AGGREGATE_WORDS.has(t.normal) && t.kind === "word").map((t) => t.index);
  const possessive = words.filter((t) => t.normal === "'s" || t.normal === "'").map((t) => t.index);
  const negator = words.find((t) => t.negator);
  return makeChunk<NounPhrase>(tokens, start, end, {
    kind: "noun-phrase",
    head,
    ...(determiner && { determiner }),
    ...(count && { count: count.number!.value }),
    ...(superlative.length && { superlative }),
    ...(aggregate.length && { aggregate }),
    ...(possessive.length && { possessive }),
    ...(negator && { negator: negator.index }),
  });
}
