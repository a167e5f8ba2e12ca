import type { AnnotatedToken, ComparisonSymbol, Span } from "@/lib/planner/english/types";

/** A stretch of the prompt that becomes one token whatever the tagger makes of it. */
export type ProtectedSpan = Span & Pick<AnnotatedToken, "kind" | "quoted" | "identifier" | "comparison">;

// Opening marks and the mark that closes each. A straight single quote only opens after a
// space or an opening bracket and only closes before a space or punctuation, so that
// apostrophes ("customer's", "customers'", "don't") are never read as quotes.
const QUOTES: { re: RegExp; mark: string }[] = [
  { re: /"([^"\n]{1,200})"/g, mark: '"' },
  { re: /\u201c([^\u201d\n]{1,200})\u201d/g, mark: "\u201c" },
  { re: /\u2018([^\u2019\n]{1,200})\u2019(?![\p{L}\p{N}])/gu, mark: "\u2018" },
  { re: /`([^`\n]{1,200})`/g, mark: "`" },
  { re: /(?<=^|[\s([{,:;=])'([^'\n]{1,200}?)'(?=$|[\s)\]},.;:!?])/g, mark: "'" },
];

// Names as a catalog writes them: snake_case, camelCase and table.column. Each part of a dotted
// name has two characters or more, so "e.g." and "U.S." stay words; a part that starts with a
// capital after a lower-case part is a sentence someone forgot to space ("orders.Thanks").
const IDENTIFIERS: { re: RegExp; style: "snake" | "camel" | "dotted" }[] = [
  { re: /(?<![\p{L}\p{N}_.])[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+(?![\p{L}\p{N}_])/gu, style: "dotted" },
  { re: /(?<![\p{L}\p{N}_])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+_?(?![\p{L}\p{N}])/gu, style: "snake" },
  { re: /(?<![\p{L}\p{N}_])[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+(?![\p{L}\p{N}_])/gu, style: "camel" },
];

const SYMBOLS = /<=|>=|!=|<>|==|=<|=>|[<>=\u2264\u2265\u2260]/g;
const SYMBOL_MEANING: Record<string, ComparisonSymbol> = {
  "<=": "<=",
  "=<": "<=",
  "\u2264": "<=",
  ">=": ">=",
  "=>": ">=",
  "\u2265": ">=",
  "!=": "!=",
  "<>": "!=",
  "\u2260": "!=",
  "==": "=",
  "=": "=",
  "<": "<",
  ">": ">",
};

/**
 * Finds quoted literals, identifiers and comparison symbols, and returns the text the tagger
 * should read: the same length as the prompt (so offsets need no map), with each quote replaced
 * by one capitalised placeholder word (its words are a value, not part of the sentence), the
 * separators of snake_case and dotted names replaced by spaces (the tagger reads their words),
 * and comparison symbols blanked (the tagger reads "x<3" as an emoticon).
 */
export function protectSpans(prompt: string): { spans: ProtectedSpan[]; taggerText: string } {
  const spans: ProtectedSpan[] = [];
  const free = (start: number, end: number) => !spans.some((s) => start < s.end && end > s.start);
  for (const { re, mark } of QUOTES) {
    for (const m of prompt.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[1].trim() && free(start, end)) spans.push({ start, end, kind: "quoted", quoted: { mark, inner: m[1] } });
    }
  }
  for (const { re, style } of IDENTIFIERS) {
    for (const m of prompt.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      const parts = splitIdentifier(m[0], style);
      if (style === "dotted" && !plausibleDotted(m[0])) continue;
      if (free(start, end)) spans.push({ start, end, kind: "identifier", identifier: { style, parts } });
    }
  }
  for (const m of prompt.matchAll(SYMBOLS)) {
    const start = m.index;
    const end = start + m[0].length;
    if (free(start, end)) spans.push({ start, end, kind: "symbol", comparison: SYMBOL_MEANING[m[0]] });
  }
  spans.sort((a, b) => a.start - b.start);
  return { spans, taggerText: maskSpans(prompt, spans) };
}

function plausibleDotted(text: string): boolean {
  const parts = text.split(".");
  if (parts.some((p) => p.length < 2)) return false;
  return !parts.slice(1).some((p, i) => /^[A-Z][a-z]/.test(p) && /^[a-z]/.test(parts[i]));
}

function splitIdentifier(text: string, style: "snake" | "camel" | "dotted"): string[] {
  const pieces =
    style === "dotted" ? text.split(".").flatMap((p) => p.split("_")) : style === "snake" ? text.split("_") : [text];
  return pieces
    .flatMap((p) => p.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/))
    .filter(Boolean)
    .map((p) => p.toLowerCase());
}

function maskSpans(prompt: string, spans: ProtectedSpan[]): string {
  let out = "";
  let cursor = 0;
  for (const s of spans) {
    out += prompt.slice(cursor, s.start);
    const text = prompt.slice(s.start, s.end);
    if (s.kind === "quoted") out += `Q${"q".repeat(text.length - 1)}`;
    else if (s.kind === "symbol") out += " ".repeat(text.length);
    else if (s.identifier?.style === "camel") out += text;
    else out += text.replace(/[._]/g, " ");
    cursor = s.end;
  }
  return out + prompt.slice(cursor);
}
