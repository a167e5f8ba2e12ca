import { assembleTokens } from "@/lib/planner/english/assemble-tokens";
import { markCapitals, readSentenceStartsAgain } from "@/lib/planner/english/capitals";
import { markNegation } from "@/lib/planner/english/negation";
import { readNumbers } from "@/lib/planner/english/numbers";
import { protectSpans } from "@/lib/planner/english/protect-spans";
import { tagWords } from "@/lib/planner/english/tagger";
import { markTimeExpressions } from "@/lib/planner/english/time/find-time-expressions";
import type { AnnotatedToken } from "@/lib/planner/english/types";

/**
 * Reads a prompt into tokens with their part of speech, lemma, number value, negation scope,
 * quoted literals, identifiers, comparison symbols and time phrases. Pure and deterministic:
 * the same prompt gives the same tokens, and nothing here knows the catalog.
 */
export function annotate(prompt: string): AnnotatedToken[] {
  const { spans, taggerText } = protectSpans(prompt);
  const drafts = readNumbers(prompt, assembleTokens(prompt, tagWords(taggerText), spans));
  const tokens: AnnotatedToken[] = drafts.map((d, index) => ({
    ...d,
    index,
    sentenceInitial: index === 0 || drafts[index - 1].sentence !== d.sentence,
    capitalised: false,
    possibleValue: false,
  }));
  readSentenceStartsAgain(tokens, taggerText);
  markCapitals(tokens);
  markNegation(tokens);
  markTimeExpressions(tokens, prompt);
  return tokens;
}
