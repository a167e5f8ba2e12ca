import { matchAt } from "@/lib/planner/english/chunk/context";
import { EXCLUSION_PHRASES } from "@/lib/planner/english/chunk/word-classes";
import type { AnnotatedToken } from "@/lib/planner/english/types";

// The words that negate (a closed class). "n't" and the "nt" of "dont" arrive here as "not".
const NEGATORS = new Set([
  "not",
  "never",
  "no",
  "none",
  "nobody",
  "nothing",
  "neither",
  "nor",
  "without",
  "nowhere",
  "cannot",
]);

// Words that open a new clause, and so end a negation's reach.
const RELATIVES = new Set(["who", "whom", "that", "which", "whose", "where", "when"]);
const GRAIN_WORDS = new Set(["per"]);

/**
 * Marks each negating word with the tokens it governs, and each governed token with its
 * negator. A negation reaches to the end of its clause: it stops at punctuation, at a
 * relative or subordinate word ("who", "that", "if"), at "but", at "and"/"or" when a new
 * clause follows (a verb, a pronoun, a relative word or another negation), and at a grain
 * word ("per", "for each"), which groups the whole request rather than what is negated.
 * "customers who never placed an order, per country" → never: "placed an order".
 * A later negation inside an earlier one's reach takes over from where it stands.
 */
export function markNegation(tokens: AnnotatedToken[]): void {
  for (const negator of tokens) {
    if (!isNegator(negator, tokens)) continue;
    let end = negator.index + 1;
    const comparison = comparisonReach(tokens, negator.index);
    if (comparison) end = comparison;
    else while (end < tokens.length && !endsClause(tokens, end, negator.sentence)) end++;
    negator.negator = { scope: { start: negator.index + 1, end } };
    for (let k = negator.index + 1; k < end; k++) tokens[k].negatedBy = negator.index;
  }
}

/**
 * "no more than 5", "not less than 10", "not over 100": the negation turns the comparison
 * around and reaches no further. Returns the end of its reach, or null for any other negation.
 */
function comparisonReach(tokens: AnnotatedToken[], i: number): number | null {
  if (tokens[i].normal !== "no" && tokens[i].normal !== "not") return null;
  const next = tokens[i + 1];
  if (next && (next.pos === "ADJ" || next.pos === "ADV") && tokens[i + 2]?.normal === "than") return i + 3;
  if (next && next.pos === "ADP" && tokens[i + 2]?.kind === "number") return i + 2;
  return null;
}

function isNegator(t: AnnotatedToken, tokens?: AnnotatedToken[]): boolean {
  if (t.kind !== "word") return false;
  // "no" in "no. 5" or as an answer is rare in a request; as a determiner it negates.
  return (
    NEGATORS.has(t.normal) ||
    (tokens !== undefined && EXCLUSION_PHRASES.some((words) => matchAt(tokens, t.index, words)))
  );
}

function endsClause(tokens: AnnotatedToken[], k: number, sentence: number): boolean {
  const t = tokens[k];
  if (t.sentence !== sentence) return true;
  if (t.kind === "punctuation") return !isWordInternal(tokens, k);
  if (
    RELATIVES.has(t.normal) &&
    (t.pos === "PRON" || t.pos === "SCONJ" || t.pos === "ADV" || (t.pos === "DET" && t.normal !== "that"))
  )
    return true;
  if (t.pos === "SCONJ" && t.normal !== "than" && t.normal !== "since") return true;
  if (t.normal === "but") return true;
  if (GRAIN_WORDS.has(t.normal)) return true;
  if (t.normal === "for" && (tokens[k + 1]?.normal === "each" || tokens[k + 1]?.normal === "every")) return true;
  if (t.pos === "CCONJ") {
    const next = tokens[k + 1];
    if (!next) return true;
    return (
      next.pos === "VERB" || next.pos === "AUX" || next.pos === "PRON" || RELATIVES.has(next.normal) || isNegator(next)
    );
  }
  return false;
}

/** A hyphen or slash written between two words without spaces ("best-selling") joins them. */
function isWordInternal(tokens: AnnotatedToken[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  return (t.text === "-" || t.text === "/") && !t.spaceBefore && next !== undefined && !next.spaceBefore;
}
