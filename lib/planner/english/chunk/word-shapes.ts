import type { Chunk } from "@/lib/planner/english/chunk/types";
import type { AnnotatedToken } from "@/lib/planner/english/types";

/**
 * A capitalised word inside a run of capitalised words is part of a name whatever the tagger
 * called it: "Led Zeppelin", "Federal Shipping", "Anthony Bow", "Speedy Express".
 */
export function inNameRun(tokens: AnnotatedToken[], k: number): boolean {
  const t = tokens[k];
  if (!t.possibleValue || t.kind !== "word" || !["VERB", "AUX", "ADJ", "NOUN", "PROPN"].includes(t.pos)) return false;
  const capitalisedWord = (x: AnnotatedToken | undefined) =>
    !!x && x.kind === "word" && x.capitalised && x.sentence === t.sentence && x.normal !== "i";
  return capitalisedWord(tokens[k - 1]) || capitalisedWord(tokens[k + 1]);
}

/** A noun comes next, perhaps after adjectives or a coordinated verb form ("shipped or completed orders"). */
export function nounFollows(tokens: AnnotatedToken[], k: number): boolean {
  for (let j = k; tokens[j] && j < k + 4; j++) {
    const t = tokens[j];
    if (t.time) return false;
    if (t.pos === "NOUN" || t.pos === "PROPN" || t.kind === "identifier") return true;
    const degree = t.pos === "ADV" && (t.normal === "very" || t.normal === "most" || t.normal === "least");
    if (
      !(
        t.pos === "ADJ" ||
        t.pos === "VERB" ||
        t.pos === "CCONJ" ||
        degree ||
        t.number?.ordinal ||
        (t.text === "-" && !t.spaceBefore)
      )
    )
      return false;
  }
  return false;
}

/**
 * A verb form that modifies the noun after it rather than heading a verb group: an inflected
 * form opening a noun phrase ("cancelled orders", "at least 10 shipped orders", "number of
 * completed orders"), or a base form inside a compound after a preposition ("by hire year",
 * "minus buy price"). After a noun phrase, a relative word or a pronoun it is a verb again
 * ("orders shipped to France", "customers who placed orders"); a base form opening a request
 * is an imperative ("join suppliers and customers").
 */
export function isParticiplePremodifier(tokens: AnnotatedToken[], k: number, previous: Chunk | undefined): boolean {
  const t = tokens[k];
  if (t.pos !== "VERB" || !nounFollows(tokens, k + 1)) return false;
  const next = tokens[k + 1];
  if (next.pos === "PRON" || next.pos === "DET") return false;
  const inflected = t.normal !== t.lemma;
  // "-ing" forms open a noun phrase only after a preposition or a quantity ("number of
  // shipping companies"); after a comma they are verbs ("…, including customers without orders").
  const afterPreposition =
    previous?.kind === "connective" && ["preposition", "by", "with", "without", "grain"].includes(previous.role);
  if (/ing$/.test(t.normal) && !afterPreposition && previous?.kind !== "aggregate" && previous?.kind !== "comparison")
    return false;
  if (!previous || t.sentenceInitial) return inflected;
  if (previous.kind === "noun-phrase" || previous.kind === "value" || previous.kind === "verb-group") return false;
  if (previous.kind === "connective" && (previous.role === "relative" || previous.role === "question")) return false;
  if (inflected) return true;
  return previous.kind === "connective" || previous.kind === "arithmetic";
}

/**
 * A base-form verb that the sentence uses as a noun: the object of a preposition ("on file",
 * "by hire year") or the subject of an auxiliary ("where freight was over 100").
 */
export function verbReadsAsNoun(tokens: AnnotatedToken[], k: number, previous: Chunk | undefined): boolean {
  const t = tokens[k];
  if (t.kind !== "word" || t.pos !== "VERB" || t.normal !== t.lemma) return false;
  const next = tokens[k + 1];
  const sameSentence = next !== undefined && next.sentence === t.sentence;
  if (sameSentence && next.pos === "AUX") return true;
  const afterPreposition =
    previous?.kind === "connective" && ["preposition", "by", "with", "without"].includes(previous.role);
  return afterPreposition && !(sameSentence && (next.pos === "DET" || next.pos === "PRON"));
}

/**
 * A noun the tagger read where the verb of a question stands, after its subject: "which sales
 * reps work out of…", "does each payment method account for…", "does one get on average",
 * "which products cost more than 50". It is a base form followed by a particle, a
 * preposition, a comparison or nothing, and the subject either
 * opens with "which"/"what" or follows an auxiliary "do".
 */
export function verbAfterSubject(
  tokens: AnnotatedToken[],
  k: number,
  subjectStart: number,
  beforeSubject: Chunk | undefined,
): boolean {
  const t = tokens[k];
  if (t.kind !== "word" || t.pos !== "NOUN" || t.normal !== t.lemma || k === subjectStart) return false;
  const next = tokens[k + 1];
  // A particle, a preposition, the end, or a comparison ("which products cost more than 50").
  const particleNext =
    !next ||
    next.sentence !== t.sentence ||
    ["ADP", "PART", "ADV", "PUNCT"].includes(next.pos) ||
    tokens[k + 2]?.normal === "than";
  if (!particleNext) return false;
  const opener = tokens[subjectStart].normal;
  const questionSubject = (opener === "which" || opener === "what") && tokens[k - 1].normal !== tokens[k - 1].lemma;
  const afterDo = beforeSubject?.kind === "verb-group" && beforeSubject.lemma === "do";
  return questionSubject || afterDo;
}
