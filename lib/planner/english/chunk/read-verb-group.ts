import { type ChunkContext, makeChunk } from "@/lib/planner/english/chunk/context";
import { readAggregate } from "@/lib/planner/english/chunk/read-aggregate";
import { readComparison } from "@/lib/planner/english/chunk/read-comparison";
import {
  inNameRun,
  isParticiplePremodifier,
  verbAfterSubject,
  verbReadsAsNoun,
} from "@/lib/planner/english/chunk/word-shapes";
import type { VerbGroup } from "@/lib/planner/english/chunk/types";
import { VERB_ADVERBS, VERB_PARTICLES, VERB_PREPOSITIONS } from "@/lib/planner/english/chunk/word-classes";
import type { AnnotatedToken } from "@/lib/planner/english/types";

const SUBJECT_PRONOUNS = new Set([
  "i",
  "we",
  "you",
  "they",
  "he",
  "she",
  "it",
  "nobody",
  "anyone",
  "someone",
  "everyone",
  "no one",
  "one",
]);

/**
 * A verb group: auxiliaries, negations and adverbs, the verb(s), and the particle and
 * preposition the verb takes ("have never bought", "didn't handle", "were handled by",
 * "report to", "signed up", "look after", "work out of"). A preposition that opens a time
 * phrase or a comparison is left to it ("placed in 2024", "bought at least one"). A noun
 * the tagger read where a verb must stand counts as the verb: after a relative word or a
 * subject pronoun ("who reports to", "that nobody reports to", "products that cost less"),
 * after an auxiliary ("were split"), or opening a request before its object ("show me").
 */
export function readVerbGroup(ctx: ChunkContext, i: number): VerbGroup | null {
  const { tokens } = ctx;
  // After "call it", "as", "named" comes a name, whatever its tag ("call it balance").
  const previous = ctx.chunks.at(-1);
  if (previous?.kind === "connective" && previous.role === "naming") return null;
  const sentence = tokens[i].sentence;
  const inSentence = (k: number) => tokens[k] !== undefined && tokens[k].sentence === sentence && !tokens[k].time;
  let k = i;
  let auxiliaries = 0;
  while (inSentence(k) && isPrefix(tokens, k)) {
    if (tokens[k].pos === "AUX") auxiliaries++;
    k++;
  }
  let head = -1;
  // "would like": the model reads "like" after "would" as a preposition.
  if (auxiliaries > 0 && tokens[k - 1].lemma === "would" && inSentence(k) && tokens[k].normal === "like") head = k++;
  while (inSentence(k) && isVerb(ctx, k, i, auxiliaries > 0 && head < 0)) head = k++;
  if (head < 0) {
    if (auxiliaries === 0) return null;
    // Auxiliaries alone ("is", "has", "don't have", "aren't"): the last auxiliary is the verb,
    // and a negation written after it stays in the group.
    while (tokens[k - 1].pos !== "AUX" && tokens[k - 1].normal !== "not") k--;
    head = k - 1;
    while (tokens[head].pos !== "AUX") head--;
  }
  const particles: number[] = [];
  if (inSentence(k) && VERB_PARTICLES.has(tokens[k].normal) && isParticle(ctx, k)) particles.push(k++);
  if (inSentence(k) && VERB_PREPOSITIONS.has(tokens[k].normal) && isParticle(ctx, k)) particles.push(k++);

  const group = tokens.slice(i, k);
  return makeChunk<VerbGroup>(tokens, i, k, {
    kind: "verb-group",
    head,
    lemma: tokens[head].lemma,
    particles,
    negated: group.some((t) => !!t.negator) || tokens[head].negatedBy !== undefined,
    passive: isPassive(group),
  });
}

function isPrefix(tokens: AnnotatedToken[], k: number): boolean {
  const t = tokens[k];
  if (t.pos === "AUX") return true;
  if (t.pos === "PART" && t.normal === "not" && (isVerbAhead(tokens, k + 1) || tokens[k - 1]?.pos === "AUX"))
    return true;
  // "to ship": an infinitive; "to returned" is a preposition before a participle.
  const next = tokens[k + 1];
  if (
    t.pos === "PART" &&
    t.normal === "to" &&
    next &&
    (next.pos === "AUX" || (next.pos === "VERB" && next.normal === next.lemma))
  )
    return true;
  return (t.pos === "ADV" || t.pos === "PART") && VERB_ADVERBS.has(t.normal) && isVerbAhead(tokens, k + 1);
}

/** A verb or auxiliary comes next, perhaps after more adverbs and negations. */
function isVerbAhead(tokens: AnnotatedToken[], k: number): boolean {
  for (; tokens[k]; k++) {
    const t = tokens[k];
    if (t.pos === "VERB" || t.pos === "AUX") return true;
    if (!((t.pos === "ADV" || t.pos === "PART") && VERB_ADVERBS.has(t.normal))) return false;
  }
  return false;
}

function isVerb(ctx: ChunkContext, k: number, start: number, afterAuxiliary: boolean): boolean {
  const { tokens, chunks } = ctx;
  const t = tokens[k];
  if (t.kind !== "word" || inNameRun(tokens, k)) return false;
  // A capitalised first word tagged PROPN is read as the model reads it in lower case ("Show me").
  const pos = t.pos === "PROPN" && t.alternative ? t.alternative.pos : t.pos;
  if (pos === "VERB") {
    // "cancelled orders", "by hire year", "on file": a verb form that the noun phrase takes.
    if (k !== start) return !verbReadsAsNoun(tokens, k, undefined);
    return !isParticiplePremodifier(tokens, k, chunks.at(-1)) && !verbReadsAsNoun(tokens, k, chunks.at(-1));
  }
  if (pos !== "NOUN" && pos !== "ADJ") return false;
  if (afterAuxiliary)
    return (
      k > start && pos === "NOUN" && (t.normal === t.lemma || /ed$/.test(t.normal)) && tokens[k + 1]?.pos !== "NOUN"
    );
  if (k !== start) return false;
  const previous = chunks.at(-1);
  if (
    previous?.kind === "noun-phrase" &&
    previous.tokens.end === k &&
    verbAfterSubject(tokens, k, previous.tokens.start, chunks.at(-2))
  )
    return true;
  // "where" opens a clause with its own subject ("where units in stock is…"), so it is not one.
  const afterSubject =
    (previous?.kind === "connective" &&
      (previous.role === "relative" || previous.role === "question") &&
      previous.word !== "where") ||
    (previous?.kind === "noun-phrase" &&
      previous.pronoun === true &&
      SUBJECT_PRONOUNS.has(tokens[previous.head].normal));
  const next = tokens[k + 1];
  const takesObject =
    !next ||
    ["ADP", "PART", "DET", "PRON", "NUM", "ADV"].includes(next.pos) ||
    next.kind === "number" ||
    next.kind === "quoted" ||
    readComparison(ctx, k + 1) !== null;
  if (afterSubject && takesObject && pos === "NOUN") return true;
  // A request that opens with a verb the model read as a noun: "show me", "list every", "nuke all".
  const opens = t.sentenceInitial || chunks.at(-1)?.kind === "other";
  return (
    opens &&
    pos === "NOUN" &&
    !!next &&
    ["me", "us", "them", "it", "all", "every", "each", "the", "a", "an", "any"].includes(next.normal)
  );
}

/** A particle or preposition belongs to the verb unless a time phrase, a comparison, an aggregate ("on average") or a grain starts with it. */
function isParticle(ctx: ChunkContext, k: number): boolean {
  const { tokens } = ctx;
  const t = tokens[k];
  if (t.time || !["ADP", "ADV", "PART", "SCONJ"].includes(t.pos)) return false;
  if (readComparison(ctx, k) || readAggregate(ctx, k)) return false;
  const next = tokens[k + 1];
  // "paid at least partly": "at least" without a quantity is an adverb, not the verb's preposition.
  if (t.normal === "at" && (next?.normal === "least" || next?.normal === "most")) return false;
  if (t.normal === "for" && (next?.normal === "each" || next?.normal === "every")) return false;
  return true;
}

function isPassive(group: AnnotatedToken[]): boolean {
  const be = group.findIndex((t) => t.lemma === "be" || t.lemma === "get");
  // A past participle after "be"/"get": inflected, but not the "-ing" of "we're rebuilding".
  return be >= 0 && group.slice(be + 1).some((t) => t.pos === "VERB" && t.normal !== t.lemma && !/ing$/.test(t.normal));
}
