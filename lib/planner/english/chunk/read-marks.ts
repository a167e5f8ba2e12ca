import { type ChunkContext, makeChunk } from "@/lib/planner/english/chunk/context";
import type { ArithmeticOperator, Chunk, TimePhrase, ValuePhrase } from "@/lib/planner/english/chunk/types";
import { ARITHMETIC } from "@/lib/planner/english/chunk/word-classes";
import type { AnnotatedToken } from "@/lib/planner/english/types";

/** The time phrase that starts at `i`, as annotated. */
export function readTime(ctx: ChunkContext, i: number): TimePhrase | null {
  const expression = ctx.tokens[i].time;
  if (!expression || expression.tokens.start !== i) return null;
  return makeChunk<TimePhrase>(ctx.tokens, i, expression.tokens.end, { kind: "time", expression });
}

/** A quoted literal is a value of its own. */
export function readValue(ctx: ChunkContext, i: number): ValuePhrase | null {
  return ctx.tokens[i].kind === "quoted"
    ? makeChunk<ValuePhrase>(ctx.tokens, i, i + 1, { kind: "value", token: i })
    : null;
}

export function readArithmetic(ctx: ChunkContext, i: number): ArithmeticOperator | null {
  const found = arithmeticAt(ctx.tokens, i);
  return found
    ? makeChunk<ArithmeticOperator>(ctx.tokens, i, i + found.length, { kind: "arithmetic", operator: found.operator })
    : null;
}

/**
 * An arithmetic operator between two operands: "*", "×", "/", "minus", "multiplied by",
 * "divided by", "times" and "x" between words ("quantity times unit price", "qty x price";
 * "3 times" counts occurrences), and a spaced "-" next to a number or after another operator
 * in the same clause ("(1 - discount)"; "2023 - their names" is a dash).
 */
export function arithmeticAt(
  tokens: AnnotatedToken[],
  i: number,
): { operator: "*" | "/" | "+" | "-"; length: number } | null {
  const t = tokens[i];
  const operator = ARITHMETIC[t.normal];
  if (!operator || t.time || t.kind === "quoted" || t.kind === "identifier") return null;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (!before || !after || before.sentence !== t.sentence || after.sentence !== t.sentence) return null;
  // "quantity ordered x price each": a participle can close the left operand.
  const operand = (x: AnnotatedToken, side: "before" | "after") =>
    ["NOUN", "PROPN", "NUM", "ADJ", "X"].includes(x.pos) ||
    x.kind === "identifier" ||
    x.kind === "number" ||
    x.text === (side === "before" ? ")" : "(") ||
    (side === "before" && x.pos === "VERB" && /ed$/.test(x.normal));
  if (t.normal === "multiplied" || t.normal === "divided")
    return after.normal === "by" ? { operator, length: 2 } : null;
  if (t.normal === "x" || t.normal === "times") {
    if (before.kind === "number" && t.normal === "times") return null;
    return t.spaceBefore && after.spaceBefore && operand(before, "before") && operand(after, "after")
      ? { operator, length: 1 }
      : null;
  }
  if (t.normal === "-" || t.normal === "\u2212") {
    if (!t.spaceBefore || !after.spaceBefore) return null;
    // "$30 - cheapest first", "by status - skip orders": a dash, unless a number, a noun or a bracket follows.
    if (
      !(
        after.kind === "number" ||
        after.kind === "identifier" ||
        after.pos === "NOUN" ||
        after.pos === "PROPN" ||
        after.text === "("
      )
    )
      return null;
    const nearNumber = (before.kind === "number" && !before.time) || (after.kind === "number" && !after.time);
    return nearNumber || operatorEarlierInClause(tokens, i) ? { operator, length: 1 } : null;
  }
  if (t.normal === "/" && (!t.spaceBefore || !after.spaceBefore)) return null;
  return operand(before, "before") || operand(after, "after") ? { operator, length: 1 } : null;
}

function operatorEarlierInClause(tokens: AnnotatedToken[], i: number): boolean {
  for (let k = i - 1; k >= 0 && tokens[k].sentence === tokens[i].sentence; k--) {
    if (tokens[k].text === "(" || tokens[k].text === "," || tokens[k].text === ":") return false;
    if (tokens[k].normal !== "-" && arithmeticAt(tokens, k)) return true;
  }
  return false;
}

/** Punctuation, and anything no other reader took (adverbs, interjections, stray symbols). */
export function readLeftover(ctx: ChunkContext, i: number): Chunk {
  const t = ctx.tokens[i];
  return makeChunk<Chunk>(ctx.tokens, i, i + 1, { kind: t.pos === "PUNCT" ? "punctuation" : "other" } as Omit<
    Chunk,
    "tokens" | "span" | "text"
  >);
}
