import type { AnnotatedToken } from "@/lib/planner/english";
import { expandAbbreviation } from "@/lib/semantic-model/words/abbreviations";
import { segmentLowercaseRun } from "@/lib/semantic-model/words/segment-words";
import { wordKey } from "./lexicon";

// A run of letters shorter than this is one word ("order"), as the model's name splitter reads it.
const SHORTEST_RUN_TO_SEGMENT = 5;
// Plural nouns English uses for a column's own word: "units sold" is the quantity sold. Only the
// plural: "per unit" or "a unit" is a rate, not a quantity.
const PLURAL_SYNONYMS: Record<string, string> = { units: "quantity" };
// Short forms that mean something else in a request: "desc" sorts, "cat" is an animal, "no" negates.
const NOT_SHORT_FORMS_IN_REQUESTS = new Set(["desc", "asc", "cat", "no"]);

/**
 * The keys a request word is looked up by in the lexicon, its own first. A request may write a
 * word the way column names do: the same short forms ("qty", "amt", "no." → quantity, amount,
 * number) and the same runs of words ("signup" for the model's "sign up", split with the same
 * word list). `head` says the word ends its phrase, where its lemma may stand for it ("placed").
 */
export function wordForms(t: AnnotatedToken, head: boolean): string[] {
  const own = t.identifier ? t.identifier.parts.map(wordKey).join(" ") : wordKey(t.normal);
  const forms = [own];
  if (head) forms.push(wordKey(t.alternative?.lemma ?? t.lemma));
  if (!t.identifier && t.kind === "word") {
    // "no." is a short form only with its period.
    const withPeriod = t.normal.length > 2 && t.normal.endsWith(".");
    const bare = withPeriod ? t.normal.slice(0, -1) : NOT_SHORT_FORMS_IN_REQUESTS.has(t.normal) ? "" : t.normal;
    const expanded = bare && expandAbbreviation(bare);
    if (expanded) forms.push(expanded.join(" "));
    if (Object.hasOwn(PLURAL_SYNONYMS, t.normal)) forms.push(PLURAL_SYNONYMS[t.normal]);
    if (/^[a-z]+$/.test(own) && own.length >= SHORTEST_RUN_TO_SEGMENT) {
      const split = segmentLowercaseRun(own);
      if (split.length > 1) forms.push(split.join(" "));
    }
  }
  return [...new Set(forms)];
}

/**
 * Every key of a span of words: the product of each word's forms, the last word as the head.
 * Spans are short (the model's longest phrase), and most words have one form.
 */
export function spanKeys(words: AnnotatedToken[]): string[] {
  let keys = [""];
  words.forEach((w, i) => {
    const forms = wordForms(w, i === words.length - 1);
    keys = keys.flatMap((k) => forms.map((f) => (k ? `${k} ${f}` : f)));
  });
  return [...new Set(keys)];
}
