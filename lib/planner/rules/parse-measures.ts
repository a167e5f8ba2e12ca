import { AGGREGATE_WORDS, ARITHMETIC_WORDS, UNIT_CONVERSIONS } from "@/lib/planner/rules/keywords";
import type { ColumnPick, ExprIntent, MeasureIntent } from "@/lib/planner/rules/intent";
import { nameWords } from "@/lib/planner/rules/normalize";
import type { TokenStream } from "@/lib/planner/rules/token-stream";
import { reject } from "@/lib/planner/rules/types";

const AGG_PHRASES = AGGREGATE_WORDS.map(([w]) => w);
const ARITH_PHRASES = ARITHMETIC_WORDS.map(([w]) => w);
const LEAD_INS = ["the", "all", "of", "their", "its", "each"];
const STAR_WORDS = ["rows", "row", "records", "record", "entries", "lines", "*"];

export type Read<T> = { value: T; next: number };

/** An arithmetic chain ("quantity times unit price", "weight in kilograms") starting at `i`. */
export function readExpression(s: TokenStream, i: number): Read<ExprIntent> | null {
  const first = readOperand(s, i);
  if (!first) return null;
  const expr: ExprIntent = { operands: [first.value], ops: [], words: "" };
  let j = first.next;
  for (;;) {
    const conversion = "pick" in first.value && expr.ops.length === 0 ? readConversion(s, j, first.value.pick) : null;
    if (conversion) {
      expr.ops.push(conversion.value.op);
      expr.operands.push({ number: conversion.value.factor });
      j = conversion.next;
      break;
    }
    const op = s.match(j, ARITH_PHRASES);
    if (!op) break;
    const operand = readOperand(s, j + op.length);
    if (!operand) break;
    expr.ops.push(ARITHMETIC_WORDS.find(([w]) => w === op.phrase)![1]);
    expr.operands.push(operand.value);
    j = operand.next;
  }
  if (expr.ops.length === 0) return null;
  const additive = expr.ops.some((o) => o === "+" || o === "-");
  const multiplicative = expr.ops.some((o) => o === "*" || o === "/");
  if (additive && multiplicative) {
    const words = s.text(i, j);
    reject(
      "ambiguous",
      `"${words}" mixes + or - with * or /; say which part comes first, e.g. "(price minus discount) times quantity" is not supported, write the two steps as separate columns or use explicit names`,
      {
        phrase: words,
        candidates: ["left to right", "multiplication first"],
      },
    );
  }
  expr.words = s.text(i, j);
  return { value: expr, next: j };
}

function readOperand(s: TokenStream, i: number): Read<{ pick: ColumnPick } | { number: number }> | null {
  const pick = s.column(i);
  if (pick) return { value: { pick }, next: i + 1 };
  const t = s.tokens[i];
  if (s.free(i) && t?.kind === "number") return { value: { number: t.value }, next: i + 1 };
  return null;
}

function readConversion(s: TokenStream, i: number, pick: ColumnPick): Read<{ op: "/" | "*"; factor: number }> | null {
  if (!s.isWord(i, "in")) return null;
  const unit = s.tokens[i + 1];
  if (!s.free(i + 1) || unit.kind !== "word") return null;
  const columnWords = pick.candidates.flatMap((c) => c.columns.flatMap((name) => nameWords(name)));
  const rule = UNIT_CONVERSIONS.find((u) => u.to.includes(unit.lower) && u.from.some((f) => columnWords.includes(f)));
  return rule ? { value: { op: rule.op, factor: rule.factor }, next: i + 2 } : null;
}

/** An aggregate ("total order amount", "number of distinct products") starting at `i`. */
export function readAggregate(s: TokenStream, i: number): Read<MeasureIntent> | null {
  const agg = s.match(i, AGG_PHRASES);
  if (!agg) return null;
  let fn = AGGREGATE_WORDS.find(([w]) => w === agg.phrase)![1];
  let j = i + agg.length;
  while (s.isWord(j, ...LEAD_INS)) j++;
  if (s.isWord(j, "distinct", "unique") && fn === "count") {
    fn = "count_distinct";
    j++;
  }
  // "number of corporate customers": a value already read as a filter sits between.
  while (j < s.length && !s.free(j) && s.tokens[j].kind === "mention" && s.free(j + 1)) j++;
  const base = { kind: "aggregate" as const, fn, keyword: agg.phrase };
  if (
    fn === "count" &&
    (s.isWord(j, ...STAR_WORDS) || (s.free(j) && s.tokens[j].kind === "punct" && s.tokens[j].text === "*"))
  ) {
    return { value: { ...base, of: { star: true }, words: "row", phrase: s.text(i, j + 1) }, next: j + 1 };
  }
  const expr = readExpression(s, j);
  if (expr)
    return {
      value: { ...base, of: { expr: expr.value }, words: expr.value.words, phrase: s.text(i, expr.next) },
      next: expr.next,
    };
  const pick = s.column(j);
  if (pick) return { value: { ...base, of: { pick }, words: pick.phrase, phrase: s.text(i, j + 1) }, next: j + 1 };
  const table = s.table(j);
  if (table)
    return { value: { ...base, of: { table }, words: s.tokens[j].text, phrase: s.text(i, j + 1) }, next: j + 1 };
  return null;
}

/** A measure for ranking: an aggregate, an expression or a plain column. */
export function readMeasure(s: TokenStream, i: number): Read<MeasureIntent> | null {
  while (s.isWord(i, ...LEAD_INS)) i++;
  const aggregate = readAggregate(s, i);
  if (aggregate) return aggregate;
  const expr = readExpression(s, i);
  if (expr) return { value: { kind: "expression", expr: expr.value, phrase: expr.value.words }, next: expr.next };
  const pick = s.column(i);
  if (pick) return { value: { kind: "column", pick, phrase: pick.phrase }, next: i + 1 };
  return null;
}
