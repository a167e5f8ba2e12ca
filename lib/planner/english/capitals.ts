import { tagWords } from "@/lib/planner/english/tagger";
import type { AnnotatedToken } from "@/lib/planner/english/types";

/**
 * Marks capitals and the words that may name a stored value. A quoted literal always may. A
 * capitalised word may when it stands away from the start of its sentence ("customers in
 * Germany"), or at the start when it is all capitals ("US invoices"), when the next word is
 * a capitalised name too ("Speedy Express orders") or when the model reads it as a name even
 * in lower case. The pronoun "I" never does.
 */
export function markCapitals(tokens: AnnotatedToken[]): void {
  for (const t of tokens) {
    const letters = t.quoted?.inner ?? t.text;
    t.capitalised = /^\p{Lu}/u.test(letters);
  }
  for (const t of tokens) {
    if (t.kind === "quoted") t.possibleValue = true;
    else if (t.kind !== "word" || !t.capitalised || t.normal === "i") t.possibleValue = false;
    else if (!t.sentenceInitial) t.possibleValue = true;
    else {
      const next = tokens[t.index + 1];
      const allCaps = t.text.length > 1 && t.text === t.text.toUpperCase();
      t.possibleValue =
        allCaps ||
        (next?.sentence === t.sentence && next.capitalised && next.kind === "word") ||
        (t.pos === "PROPN" && t.alternative?.pos === "PROPN");
    }
  }
}

/**
 * The model tags a capitalised first word as a proper noun more often than it should
 * ("Customers located in…" → PROPN, lemma "customers"). Reads the sentence again with that
 * word in lower case and records the second reading beside the first; grounding decides.
 */
export function readSentenceStartsAgain(tokens: AnnotatedToken[], taggerText: string): void {
  const starts = tokens.filter(
    (t) => t.sentenceInitial && t.kind === "word" && t.pos === "PROPN" && /^\p{Lu}\p{Ll}/u.test(t.text),
  );
  if (starts.length === 0) return;
  let lowered = taggerText;
  for (const t of starts) lowered = lowered.slice(0, t.span.start) + t.text.toLowerCase() + lowered.slice(t.span.end);
  const again = new Map(tagWords(lowered).map((w) => [w.start, w]));
  for (const t of starts) {
    const w = again.get(t.span.start);
    if (w && w.end === t.span.end) t.alternative = { pos: w.pos, lemma: w.lemma };
  }
}
