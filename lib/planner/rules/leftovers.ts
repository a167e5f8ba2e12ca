import type { Intent } from "@/lib/planner/rules/intent";
import type { Lexicon, LexEntry } from "@/lib/planner/rules/lexicon";
import { FILLER, KEYWORD_PHRASES, NUMBER_WORDS } from "@/lib/planner/rules/keywords";
import { editDistance, normalizeWord } from "@/lib/planner/rules/normalize";
import type { TokenStream } from "@/lib/planner/rules/token-stream";
import { reject } from "@/lib/planner/rules/types";

const TABLE_CONTEXT = new Set(["join", "from", "per", "each", "every", "all", "and", "with", "table", "of", "for"]);

/**
 * Reads a one-letter typo of a column ("ammount", "emial") as that column when exactly one
 * column is that close. Table names are never corrected: the wrong table is the worst outcome,
 * so "custmers" is rejected with a suggestion instead.
 */
export function fixColumnTypos(s: TokenStream, lexicon: Lexicon, intent: Intent): void {
  s.tokens.forEach((t, i) => {
    if (
      t.kind !== "word" ||
      t.lower.length < 5 ||
      FILLER.has(t.lower) ||
      KEYWORD_PHRASES.has(t.lower) ||
      NUMBER_WORDS[t.lower]
    )
      return;
    const word = normalizeWord(t.lower);
    const close = closeKeys(word, lexicon, 1);
    if (close.length !== 1) return;
    const entries = lexicon.phrases.get(close[0])!;
    if (entries.some((e) => e.kind !== "column") || closeKeys(word, lexicon, 2).length > 1) return;
    s.tokens[i] = {
      kind: "mention",
      entries: entries.map((e) => ({ ...e, tier: 2 }) as LexEntry),
      lower: close[0],
      start: t.start,
      end: t.end,
      text: t.text,
    };
    intent.notes.push(`read "${t.text}" as "${close[0]}" (${describe(entries)})`);
    intent.confidence = Math.min(intent.confidence, 0.7);
  });
}

function closeKeys(word: string, lexicon: Lexicon, max: number): string[] {
  const out: string[] = [];
  for (const key of lexicon.phrases.keys()) {
    if (key.includes(" ") || Math.abs(key.length - word.length) > max) continue;
    if (editDistance(word, key, max) <= max) out.push(key);
  }
  return out;
}

function describe(entries: LexEntry[]): string {
  return entries
    .map((e) => (e.kind === "column" ? `${e.table.name}.${e.columns.join("+")}` : e.table.name))
    .join(" or ");
}

/** Rejects the first word no clause could read, naming it and what it might have meant. */
export function checkLeftovers(s: TokenStream, lexicon: Lexicon, intent: Intent): void {
  const mentioned =
    intent.tables.length + intent.measures.length + intent.grain.length + intent.filters.length + intent.joins.length;
  for (let i = 0; i < s.length; i++) {
    if (!s.free(i)) continue;
    const t = s.tokens[i];
    if (t.kind === "word" && FILLER.has(t.lower)) continue;
    if (t.kind === "punct" && [",", "(", ")", "."].includes(t.value)) continue;
    if (mentioned === 0) {
      reject(
        "not_understood",
        `could not find a table or column of the warehouse in "${s.prompt.trim()}"; describe the table you want, e.g. "total order amount per customer"`,
        { phrase: s.prompt.trim() },
      );
    }
    if (t.kind === "word") rejectWord(s, i, t.text, lexicon);
    reject(
      "not_understood",
      `could not read "${t.text}" in "${s.prompt.trim()}": expected a table, a column, an aggregate (total, count, average, ...), a grain (per ...) or a filter`,
      {
        phrase: t.text,
      },
    );
  }
}

function rejectWord(s: TokenStream, i: number, text: string, lexicon: Lexicon): never {
  const tables = lexicon.tableFuzzy
    .search(text)
    .filter((r) => (r.score ?? 1) < 0.35)
    .map((r) => r.item.table.name);
  const columns = lexicon.columnFuzzy
    .search(text)
    .filter((r) => (r.score ?? 1) < 0.3)
    .map((r) => `${r.item.table.name}.${r.item.column}`);
  const prev = s.tokens[i - 1];
  const tableContext = prev?.kind === "word" && TABLE_CONTEXT.has(prev.lower);
  if (tables.length > 0 && (tableContext || columns.length === 0)) {
    reject("unknown_table", `unknown table "${text}"; did you mean ${orList([...new Set(tables)].slice(0, 3))}?`, {
      phrase: text,
      candidates: [...new Set(tables)].slice(0, 5),
    });
  }
  if (columns.length > 0) {
    reject("unknown_column", `unknown column "${text}"; did you mean ${orList(columns.slice(0, 3))}?`, {
      phrase: text,
      candidates: columns.slice(0, 5),
    });
  }
  if (tableContext && /s$/.test(text)) {
    reject(
      "unknown_table",
      `unknown table "${text}": the warehouse has ${lexicon.tables.map((t) => t.name).join(", ")}`,
      { phrase: text, candidates: lexicon.tables.map((t) => t.name) },
    );
  }
  return reject(
    "not_understood",
    `could not read "${text}" in "${s.prompt.trim()}": it is not a table, column or known value of the warehouse, nor a word the planner understands`,
    {
      phrase: text,
    },
  );
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
