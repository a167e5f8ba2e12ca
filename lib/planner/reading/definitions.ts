import type { AnnotatedToken, Chunk } from "@/lib/planner/english";
import type { Terminal } from "./chart";
import { wordKey } from "./lexicon";
import type { Part } from "./parts";

type Formula = Extract<Part, { k: "sense" }> & { meaning: { kind: "formula" } };

/**
 * A request may define the measure it names by arithmetic: in brackets after the name ("net sales
 * (unit price x qty x (1 - discount))", "2004 revenue (quantityOrdered * priceEach)") or with "="
 * or a colon ("…, revenue = quantityOrdered x priceEach", "markup per product = MSRP minus buy price",
 * "revenue per order: unit price times quantity"). The
 * name's words then read as the formula, wherever they stand, whatever else they could mean.
 * Emits MEAS terminals on the name (with its bracket) and a DEF terminal on a definition that
 * stands apart, which the grammar reads only beside a use of the same name (see build-spec).
 * The name is the noun phrase before the bracket or the "="; after "=", when that phrase names
 * something else ("per product ="), it is the sentence's first noun phrase with a word the
 * warehouse does not have ("markup").
 */
export function definitionTerminals(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  terminals: Terminal<Part>[],
  unknown: Set<number>,
): Terminal<Part>[] {
  const out: Terminal<Part>[] = [];
  const nouns = chunks.filter((c) => c.kind === "noun-phrase");
  // The name's own words: the phrase without its determiners and aggregate words ("the total order value" → "order value").
  const nameStart = (c: Chunk) => {
    let i = c.tokens.start;
    while (
      i < c.tokens.end - 1 &&
      (tokens[i].pos === "DET" || tokens[i].time || terminals.some((t) => t.cat === "AGG" && t.start === i))
    )
      i++;
    return i;
  };
  const key = (start: number, end: number) =>
    tokens
      .slice(start, end)
      .map((t) => wordKey(t.normal))
      .join(" ");
  const text = (start: number, end: number) =>
    tokens
      .slice(start, end)
      .map((t, i) => (i > 0 && t.spaceBefore ? " " : "") + t.text)
      .join("");
  for (const f of terminals) {
    if (f.cat !== "MEAS" || f.value.k !== "sense" || f.value.meaning.kind !== "formula") continue;
    const formula = f.value as Formula;
    const named = (start: number, end: number, span: [number, number], strength: number): Terminal<Part> => ({
      cat: "MEAS",
      start: span[0],
      end: span[1],
      strength,
      value: { k: "sense", meaning: { ...formula.meaning, phrase: text(start, end) }, phrase: text(span[0], span[1]) },
    });
    const before = tokens[f.start - 1]?.text;
    // The bracket around the formula, whether the formula's reading took it in or not.
    const bracket =
      before === "(" && tokens[f.end]?.text === ")"
        ? { open: f.start - 1, end: f.end + 1 }
        : enclosed(tokens, f.start, f.end)
          ? { open: f.start, end: f.end }
          : undefined;
    const sentence = tokens[f.start].sentence;
    const hasUnknown = (c: Chunk) => tokens.slice(c.tokens.start, c.tokens.end).some((t) => unknown.has(t.index));
    if (bracket) {
      const name = nouns.find((c) => c.tokens.end === bracket.open);
      if (name) out.push(named(nameStart(name), name.tokens.end, [nameStart(name), bracket.end], f.strength + 1));
      // "net revenue by category for 2024 (qty * unit price - discount)": a bracket after no noun defines the phrase the warehouse has no word for.
      const unread = name
        ? undefined
        : nouns.find(
            (c) => tokens[c.tokens.start].sentence === sentence && c.tokens.end <= bracket.open && hasUnknown(c),
          );
      if (unread) {
        out.push({
          cat: "DEF",
          start: bracket.open,
          end: bracket.end,
          strength: 0,
          value: {
            k: "word",
            word: key(nameStart(unread), unread.tokens.end),
            phrase: text(bracket.open, bracket.end),
            chunk: unread,
          },
        });
        out.push(named(nameStart(unread), unread.tokens.end, [nameStart(unread), unread.tokens.end], f.strength + 1));
      }
      continue;
    }
    // "top 5 artists by sales, i.e. sum of unit price * quantity on invoice lines": an apposition defines its noun.
    const apposition = appositionOf(tokens, terminals, f);
    if (apposition) {
      const name = nouns.find((c) => c.tokens.end === apposition.start);
      if (name && f.value.meaning.entity === apposition.entity) {
        out.push({
          cat: "DEF",
          start: apposition.start,
          end: apposition.end,
          strength: 0,
          value: {
            k: "word",
            word: key(nameStart(name), name.tokens.end),
            phrase: text(apposition.start + 1, apposition.end),
            chunk: name,
          },
        });
        out.push(named(nameStart(name), name.tokens.end, [nameStart(name), name.tokens.end], f.strength + 1));
      }
      continue;
    }
    // "revenue per order: unit price times quantity": a colon before arithmetic defines as "=" does.
    if (before !== "=" && before !== ":") continue;
    const adjacent = nouns.find((c) => c.tokens.end === f.start - 1);
    const name =
      adjacent &&
      (hasUnknown(adjacent) ||
        nouns.some(
          (c) =>
            c !== adjacent &&
            c.tokens.end <= adjacent.tokens.start &&
            key(nameStart(c), c.tokens.end) === key(nameStart(adjacent), adjacent.tokens.end),
        ))
        ? adjacent
        : nouns.find((c) => tokens[c.tokens.start].sentence === sentence && c.tokens.end < f.start && hasUnknown(c));
    if (!name) continue;
    const words = key(nameStart(name), name.tokens.end);
    const definitionStart = name === adjacent ? nameStart(name) : f.start - 1;
    // A comma before a definition that stands apart belongs to it.
    const from = tokens[definitionStart - 1]?.text === "," ? definitionStart - 1 : definitionStart;
    out.push({
      cat: "DEF",
      start: from,
      end: f.end,
      strength: 0,
      value: { k: "word", word: words, phrase: text(definitionStart, f.end), chunk: name },
    });
    for (const use of nouns.filter((c) => c.tokens.end <= from && key(nameStart(c), c.tokens.end) === words))
      out.push(named(nameStart(use), use.tokens.end, [nameStart(use), use.tokens.end], f.strength + 1));
  }
  return out;
}

const APPOSITION = new Set(["i.e.", "ie", "i.e", "namely"]);

/**
 * ", i.e. [sum of] FORMULA [on ENTITY]" after a noun: where the apposition starts (its comma), where
 * it ends, and the entity it names (the formula's, unless another is named: then no definition).
 */
function appositionOf(
  tokens: AnnotatedToken[],
  terminals: Terminal<Part>[],
  f: Terminal<Part>,
): { start: number; end: number; entity: unknown } | undefined {
  let i = f.start;
  const sum = terminals.find((t) => t.cat === "AGG" && t.end === i && t.value.k === "agg" && t.value.fn === "sum");
  if (sum) i = sum.start;
  if (!APPOSITION.has(tokens[i - 1]?.normal ?? "") || tokens[i - 2]?.text !== ",") return undefined;
  const entity = f.value.k === "sense" ? f.value.meaning.entity : undefined;
  let end = f.end;
  // "on invoice lines": the rows the formula is read on.
  if (["on", "of", "over", "across"].includes(tokens[end]?.normal ?? "")) {
    const rows = terminals.find((t) => t.cat === "ENT" && t.start === end + 1 && t.value.k === "sense");
    if (!rows || rows.value.k !== "sense") return undefined;
    if (rows.value.meaning.entity !== entity) return { start: i - 2, end: rows.end, entity: rows.value.meaning.entity };
    end = rows.end;
  }
  return { start: i - 2, end, entity };
}

/** Whether tokens [start, end) are one bracketed group: "(" … ")" with the first bracket closed only at the end. */
function enclosed(tokens: AnnotatedToken[], start: number, end: number): boolean {
  if (tokens[start]?.text !== "(" || tokens[end - 1]?.text !== ")") return false;
  let depth = 0;
  for (let i = start; i < end; i++) {
    depth += tokens[i].text === "(" ? 1 : tokens[i].text === ")" ? -1 : 0;
    if (depth === 0 && i < end - 1) return false;
  }
  return true;
}
