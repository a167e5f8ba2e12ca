import type { ProtectedSpan } from "@/lib/planner/english/protect-spans";
import type { TaggedWord } from "@/lib/planner/english/tagger";
import type { AnnotatedToken, PartOfSpeech, TokenKind } from "@/lib/planner/english/types";

/** A token before numbers, negation and time are read: indices are set once merging is done. */
export type DraftToken = Omit<AnnotatedToken, "index" | "capitalised" | "possibleValue" | "sentenceInitial">;

/**
 * Lays the tagged words and the protected spans side by side in prompt order: a protected span
 * replaces every word it overlaps and takes its sentence from them.
 */
export function assembleTokens(prompt: string, words: TaggedWord[], spans: ProtectedSpan[]): DraftToken[] {
  const tokens: DraftToken[] = [];
  let w = 0;
  for (const span of [...spans, null]) {
    const stop = span ? span.start : prompt.length;
    for (; w < words.length && words[w].start < stop; w++) {
      if (words[w].end > stop && span) break;
      tokens.push(...fromWord(prompt, words[w]));
    }
    if (!span) break;
    const covered: TaggedWord[] = [];
    for (; w < words.length && words[w].start < span.end; w++) covered.push(words[w]);
    tokens.push(fromSpan(prompt, span, covered, tokens.at(-1)?.sentence ?? 0));
  }
  for (const t of tokens) t.spaceBefore = t.span.start === 0 || /\s/.test(prompt[t.span.start - 1]);
  return tokens;
}

function fromWord(prompt: string, word: TaggedWord): DraftToken[] {
  // The model keeps "I'm" whole and calls it a proper noun; every other contraction it splits.
  const im = /^(i)(['\u2019]m)$/i.exec(word.text);
  if (im) {
    const mid = word.start + 1;
    return [
      draft(prompt, { ...word, end: mid, text: im[1], pos: "PRON", lemma: "i", normal: "i", known: true }, "split"),
      draft(prompt, { ...word, start: mid, text: im[2], pos: "AUX", lemma: "be", normal: "am", known: true }, "split"),
    ];
  }
  return [draft(prompt, word, "tagger")];
}

function draft(prompt: string, word: TaggedWord, posSource: "tagger" | "split"): DraftToken {
  const text = prompt.slice(word.start, word.end);
  return {
    text,
    span: { start: word.start, end: word.end },
    kind: kindOf(word.pos),
    normal: normalise(word.normal, word.pos),
    lemma: normalise(word.lemma, word.pos),
    pos: word.pos,
    posSource,
    sentence: word.sentence,
    spaceBefore: true,
    known: word.known,
  };
}

function fromSpan(prompt: string, span: ProtectedSpan, covered: TaggedWord[], previousSentence: number): DraftToken {
  const text = prompt.slice(span.start, span.end);
  const lower = (span.quoted?.inner ?? text).toLowerCase();
  const pos: PartOfSpeech =
    span.kind === "quoted" ? "PROPN" : span.kind === "symbol" ? "SYM" : (covered.at(-1)?.pos ?? "NOUN");
  return {
    text,
    span: { start: span.start, end: span.end },
    kind: span.kind,
    normal: lower,
    lemma: lower,
    pos,
    posSource: "merged",
    sentence: covered[0]?.sentence ?? previousSentence,
    spaceBefore: true,
    known: false,
    ...(span.quoted && { quoted: span.quoted }),
    ...(span.identifier && { identifier: span.identifier }),
    ...(span.comparison && { comparison: span.comparison }),
  };
}

function kindOf(pos: PartOfSpeech): TokenKind {
  if (pos === "PUNCT") return "punctuation";
  if (pos === "SYM") return "symbol";
  return "word";
}

/** Lower case with straight quotes; "n't" and the "nt" of "dont" / "havent" read as "not". */
function normalise(form: string, pos: PartOfSpeech): string {
  const lower = form.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  if (pos === "PART" && (lower === "n't" || lower === "nt")) return "not";
  return lower;
}
