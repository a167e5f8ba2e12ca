import { type ChunkContext, isCount, makeChunk, matchAt, matchLongest } from "@/lib/planner/english/chunk/context";
import type { ComparisonPhrase } from "@/lib/planner/english/chunk/types";
import { COMPARISON_PHRASES, DOWNWARD_COMPARATIVES, POSTFIX_BOUNDS } from "@/lib/planner/english/chunk/word-classes";
import type { AnnotatedToken, ComparisonSymbol, NumberValue } from "@/lib/planner/english/types";

const TURNED: Record<ComparisonSymbol, ComparisonSymbol> = {
  ">": "<=",
  ">=": "<",
  "<": ">=",
  "<=": ">",
  "=": "!=",
  "!=": "=",
};

/**
 * A comparison, wherever its quantity sits: before it ("more than 50", "at least 100", "over
 * $20", "longer than 7 min", "greater than or equal to 10", ">= 10", "between 20 and 30"),
 * after it ("5 or more", "3+"), or after the noun it counts ("10 orders or more": the bound
 * alone). A leading "not"/"no" turns it around ("not more than 5" → "<=").
 */
export function readComparison(ctx: ChunkContext, i: number): ComparisonPhrase | null {
  const { tokens } = ctx;
  const t = tokens[i];
  if (t.time) return null;
  const negation = (t.normal === "not" || t.normal === "no") && !!t.negator;
  const at = negation ? i + 1 : i;
  const found = readOperator(tokens, at) ?? readPostfix(ctx, at);
  if (!found) return null;
  const operator = negation && found.operator !== "between" ? TURNED[found.operator] : found.operator;
  return makeChunk<ComparisonPhrase>(tokens, i, found.end, {
    kind: "comparison",
    operator,
    ...(found.quantity && { quantity: found.quantity }),
    ...(found.upper && { upper: found.upper }),
    ...(found.comparative !== undefined && { comparative: found.comparative }),
    ...(negation && { negated: true }),
  });
}

type Found = {
  operator: ComparisonSymbol | "between";
  end: number;
  quantity?: NumberValue;
  upper?: NumberValue;
  comparative?: number;
};

function readOperator(tokens: AnnotatedToken[], i: number): Found | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.comparison) return withQuantity(tokens, i + 1, { operator: t.comparison, end: i + 1 }, false);
  if (t.normal === "between" && isCount(tokens[i + 1]) && matchAt(tokens, i + 2, ["and"]) && isCount(tokens[i + 3]))
    return { operator: "between", quantity: tokens[i + 1].number, upper: tokens[i + 3].number, end: i + 4 };
  const phrase = matchLongest(tokens, i, COMPARISON_PHRASES);
  if (phrase)
    return withQuantity(
      tokens,
      i + phrase.words.length,
      { operator: phrase.operator, end: i + phrase.words.length },
      phrase.needsQuantity,
    );
  // "more expensive than 50", "less heavy than 2 kg": the adjective is what is compared.
  const adjective = tokens[i + 1];
  if ((t.normal === "more" || t.normal === "less") && adjective?.pos === "ADJ" && matchAt(tokens, i + 2, ["than"])) {
    return withQuantity(
      tokens,
      i + 3,
      { operator: t.normal === "more" ? ">" : "<", end: i + 3, comparative: i + 1 },
      false,
    );
  }
  if ((t.pos === "ADJ" || t.pos === "ADV") && isComparative(t) && matchAt(tokens, i + 1, ["than"])) {
    const operator = DOWNWARD_COMPARATIVES.has(t.normal) ? "<" : ">";
    const generic = t.normal === "more" || t.normal === "less" || t.normal === "fewer";
    return withQuantity(tokens, i + 2, { operator, end: i + 2, ...(!generic && { comparative: i }) }, false);
  }
  return null;
}

// Words ending in "-er" before "than" that compare nothing ("rather than", "other than" is a phrase).
const NOT_COMPARATIVE = new Set([
  "rather",
  "other",
  "ever",
  "never",
  "whether",
  "either",
  "neither",
  "together",
  "further",
]);

/** "more", "less", "fewer", or an "-er" form: "longer", "heavier", "greater" (lemmatised or not). */
function isComparative(t: AnnotatedToken): boolean {
  if (t.normal === "more" || t.normal === "less" || t.normal === "fewer") return true;
  return !NOT_COMPARATIVE.has(t.normal) && (t.lemma !== t.normal || /er$/.test(t.normal));
}

/**
 * Takes the quantity after the operator words: a number ("50", "$20", "20%", "five") with any
 * bound after it ("5 or more"), or "a"/"an" before a noun, which counts one ("more than a
 * week"). Returns null when a quantity is required and missing ("over its items").
 */
function withQuantity(tokens: AnnotatedToken[], k: number, found: Found, required: boolean): Found | null {
  const next = tokens[k];
  if (isCount(next) && next.sentence === tokens[found.end - 1].sentence)
    return { ...found, quantity: next.number, end: k + 1 };
  const article =
    next &&
    (next.normal === "a" || next.normal === "an") &&
    (tokens[k + 1]?.pos === "NOUN" || tokens[k + 1]?.pos === "ADJ");
  if (article) return { ...found, quantity: { value: 1, written: "words" }, end: k + 1 };
  return required ? null : found;
}

/** "5 or more", "3+" at a number; "or more" alone after a noun phrase that has a count. */
function readPostfix(ctx: ChunkContext, i: number): Found | null {
  const { tokens, chunks } = ctx;
  const number = isCount(tokens[i]) ? tokens[i] : undefined;
  const from = number ? i + 1 : i;
  const bound = POSTFIX_BOUNDS.find(
    (b) => matchAt(tokens, from, b.words) && (b.words[0] !== "+" || !tokens[from].spaceBefore),
  );
  if (!bound) return null;
  if (number) return { operator: bound.operator, quantity: number.number, end: from + bound.words.length };
  const previous = chunks.at(-1);
  if (previous?.kind === "noun-phrase" && previous.count !== undefined)
    return { operator: bound.operator, end: from + bound.words.length };
  return null;
}
