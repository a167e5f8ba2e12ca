import { type ChunkContext, makeChunk, matchAt } from "@/lib/planner/english/chunk/context";
import type { Chunk, Connective, ConnectiveRole } from "@/lib/planner/english/chunk/types";
import {
  AND_PHRASES,
  EXCLUSION_PHRASES,
  GRAIN_PHRASES,
  NAMING_NOUNS,
  NAMING_OBJECTS,
  NAMING_VERBS,
  QUESTION_WORDS,
  RELATIVE_WORDS,
} from "@/lib/planner/english/chunk/word-classes";
import type { AnnotatedToken } from "@/lib/planner/english/types";

/**
 * Words that join or relate chunks: grain phrases ("per", "for each", "broken down by"),
 * relative words after a noun phrase ("customers who…", "products that…", "tracks where…"),
 * question words opening a clause, "with"/"without", "by", coordinators ("and", "or", "+",
 * "as well as"), naming ("as line_total", "call it", "called"), prepositions and
 * subordinators. "which"/"what" before a noun stay in the noun phrase as its determiner.
 */
export function readConnective(ctx: ChunkContext, i: number): Connective | null {
  const { tokens } = ctx;
  const t = tokens[i];
  if (t.time || t.kind === "quoted" || t.kind === "identifier" || t.kind === "number") return null;
  const make = (end: number, role: ConnectiveRole) =>
    makeChunk<Connective>(tokens, i, end, {
      kind: "connective",
      role,
      word: tokens
        .slice(i, end)
        .map((w) => w.normal)
        .join(" "),
    });

  const grain = GRAIN_PHRASES.find((words) => matchAt(tokens, i, words)) ?? breakItDownBy(tokens, i);
  if (grain) return make(i + grain.length, "grain");
  const naming = readNaming(tokens, i);
  if (naming) return make(naming, "naming");
  const and = AND_PHRASES.find((words) => matchAt(tokens, i, words));
  if (and && !(and[0] === "+" && !t.spaceBefore)) return make(i + and.length, "and");

  if (RELATIVE_WORDS.has(t.normal) && isRelative(ctx, i)) return make(i + 1, "relative");
  // "that year", "in that office": a determiner, read with its noun.
  if (t.normal === "that" && ["NOUN", "PROPN", "ADJ"].includes(tokens[i + 1]?.pos ?? "")) return null;
  if (QUESTION_WORDS.has(t.normal) && opensClause(tokens, i) && !beforeNoun(tokens, i)) return make(i + 1, "question");
  if (t.normal === "with" || t.normal === "without") return make(i + 1, t.normal);
  const exclusion = EXCLUSION_PHRASES.find((words) => matchAt(tokens, i, words));
  if (exclusion) return make(i + exclusion.length, "without");
  if (t.normal === "by") return make(i + 1, "by");
  if (t.pos === "CCONJ") return make(i + 1, t.normal === "or" || t.normal === "nor" ? "or" : "and");
  // "for shipped orders": the tagger may take "for" before a participle as a conjunction, a use
  // ("for he was late") a request never has.
  if (t.pos === "ADP" || t.normal === "for" || (t.normal === "to" && t.pos === "PART" && !beforeInfinitive(tokens, i)))
    return make(i + 1, "preposition");
  if (t.pos === "SCONJ" || t.normal === "when" || t.normal === "where") return make(i + 1, "subordinator");
  return null;
}

/** "break it down by", "broken down by" with a pronoun between: returns the words matched. */
function breakItDownBy(tokens: AnnotatedToken[], i: number): string[] | null {
  if (tokens[i].lemma !== "break" || !NAMING_OBJECTS.has(tokens[i + 1]?.normal ?? "")) return null;
  const words = [tokens[i].normal, tokens[i + 1].normal, "down", "by"];
  return matchAt(tokens, i, words) ? words : null;
}

/** "as line_total", "called", "named", "call it", "name the column", "call the column". Returns the end. */
function readNaming(tokens: AnnotatedToken[], i: number): number | null {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (t.normal === "as" && next && (next.kind === "identifier" || next.kind === "quoted")) return i + 1;
  if ((t.normal === "called" || t.normal === "named") && t.pos !== "AUX") return i + 1;
  if (!NAMING_VERBS.has(t.lemma) || !next) return null;
  if (NAMING_OBJECTS.has(next.normal)) return i + 2;
  if (next.normal === "the" && NAMING_NOUNS.has(tokens[i + 2]?.lemma ?? "")) return i + 3;
  return null;
}

/**
 * A relative word follows a noun phrase, a value or a time phrase. "that" is also a
 * determiner ("that year", "in that office"): after a noun phrase it is relative when a verb,
 * an adverb, a pronoun or a negation follows, or a noun that the tagger misread for a verb
 * ("products that cost less", "tracks that show up").
 */
function isRelative(ctx: ChunkContext, i: number): boolean {
  const { tokens, chunks } = ctx;
  const t = tokens[i];
  const previous = antecedent(chunks);
  if (!previous || tokens[previous.tokens.end - 1]?.sentence !== t.sentence) return false;
  if (previous.kind === "connective" && (previous.role === "and" || previous.role === "or"))
    return earlierRelative(chunks, t.sentence, tokens);
  if (!["noun-phrase", "value", "time", "comparison"].includes(previous.kind)) return false;
  if (t.normal !== "that" || t.pos === "PRON" || t.pos === "SCONJ") return true;
  const next = tokens[i + 1];
  if (!next) return false;
  if (["VERB", "AUX", "ADV", "PRON", "PART"].includes(next.pos) || next.negator) return true;
  const after = tokens[i + 2];
  const verbLikeNext =
    (next.pos === "NOUN" || next.pos === "ADJ") &&
    (!after || ["ADP", "ADV", "PART", "DET", "NUM"].includes(after.pos) || after.kind === "number");
  // "products that cost less than 10": the misread verb takes a comparison.
  return verbLikeNext || (next.pos === "NOUN" && after?.pos === "ADJ" && tokens[i + 3]?.normal === "than");
}

/** The chunk a relative word refers back to: the one before it, or before a bracketed aside ("products (not discontinued) that…"). */
function antecedent(chunks: Chunk[]) {
  let k = chunks.length - 1;
  if (chunks[k]?.text === ")") {
    while (k >= 0 && chunks[k].text !== "(") k--;
    k--;
  }
  return chunks[k];
}

/** "whose email is missing or who live in Paris": a relative word after and/or continues an earlier one. */
function earlierRelative(chunks: Chunk[], sentence: number, tokens: AnnotatedToken[]): boolean {
  return chunks.some(
    (c) => c.kind === "connective" && c.role === "relative" && tokens[c.tokens.start].sentence === sentence,
  );
}

/** "to ship", "to be": the verb group takes "to". */
function beforeInfinitive(tokens: AnnotatedToken[], i: number): boolean {
  const next = tokens[i + 1];
  return !!next && (next.pos === "AUX" || (next.pos === "VERB" && next.normal === next.lemma));
}

function opensClause(tokens: AnnotatedToken[], i: number): boolean {
  const before = tokens[i - 1];
  return (
    !before ||
    before.sentence !== tokens[i].sentence ||
    before.kind === "punctuation" ||
    before.pos === "CCONJ" ||
    before.pos === "INTJ"
  );
}

/** "which genre", "what percentage": the word determines a noun. */
function beforeNoun(tokens: AnnotatedToken[], i: number): boolean {
  const next = tokens[i + 1];
  return (
    (tokens[i].normal === "which" || tokens[i].normal === "what" || tokens[i].normal === "whose") &&
    !!next &&
    ["NOUN", "PROPN", "ADJ", "NUM"].includes(next.pos)
  );
}
