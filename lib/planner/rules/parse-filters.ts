import type { ComparisonOp, Literal } from "@/lib/spec/clauses";
import type { ColumnPick, FilterIntent, Intent } from "@/lib/planner/rules/intent";
import { COMPARISON_WORDS, FILLER } from "@/lib/planner/rules/keywords";
import { isDateLike } from "@/lib/planner/rules/column-variants";
import type { TokenStream } from "@/lib/planner/rules/token-stream";
import type { TokenOf } from "@/lib/planner/rules/tokens";
import { reject } from "@/lib/planner/rules/types";
import { readValueList } from "@/lib/planner/rules/parse-values";
import { parseFlagAdjectives } from "@/lib/planner/rules/parse-flags";

const CMP_PHRASES = COMPARISON_WORDS.map(([w]) => w);
const RANGE_CMP = CMP_PHRASES.filter(
  (w) => !["is", "equals", "is equal to", "equal to", "is not", "is not equal to", "not equal to"].includes(w),
);
const NULL_BEFORE = [
  "without",
  "without an",
  "without a",
  "with no",
  "missing",
  "missing an",
  "missing a",
  "has no",
  "have no",
  "with missing",
  "lacking",
  "with an empty",
  "with empty",
  "no",
];
const NOT_NULL_BEFORE = [
  "with a",
  "with an",
  "that have a",
  "that have an",
  "who have a",
  "who have an",
  "having a",
  "having an",
  "that has a",
  "who has an",
  "who has a",
  "that has an",
];
const NULL_AFTER = [
  "is null",
  "is missing",
  "is empty",
  "is blank",
  "is not set",
  "are null",
  "are missing",
  "is unknown",
  "are empty",
];
const NOT_NULL_AFTER = [
  "is not null",
  "is present",
  "is set",
  "is not empty",
  "is not missing",
  "is known",
  "are not null",
  "is not blank",
  "are present",
];
const HAVING_LEAD = [
  "with",
  "having",
  "who have",
  "that have",
  "who placed",
  "who made",
  "that placed",
  "who bought",
  "with at least",
];
const SKIP_BEFORE_DATE = [
  "is",
  "was",
  "were",
  "are",
  "on",
  "made",
  "placed",
  "created",
  "dated",
  "happened",
  "that",
  "which",
];

const op = (phrase: string): ComparisonOp => COMPARISON_WORDS.find(([w]) => w === phrase)![1];
const onlyDates = (pick: ColumnPick): ColumnPick | undefined => {
  const candidates = pick.candidates.filter(
    (c) => c.columns.length === 1 && c.table.columns.some((col) => col.name === c.columns[0] && isDateLike(col)),
  );
  return candidates.length > 0 ? { ...pick, candidates, dateOnly: true } : undefined;
};

/** Every filter form: nulls, comparisons, ranges, lists, dates, known values and counts. */
export function parseFilters(s: TokenStream, intent: Intent): void {
  const add = (filter: FilterIntent) => intent.filters.push(filter);
  for (let i = 0; i < s.length; i++) {
    const before = s.match(i, NULL_BEFORE) ?? s.match(i, NOT_NULL_BEFORE);
    const pick = before ? s.column(i + before.length) : undefined;
    // "with a price over 10" is a comparison, read below; not "price is set".
    if (before && pick && !s.match(i + before.length + 1, CMP_PHRASES)) {
      const negate = !NULL_BEFORE.includes(before.phrase);
      add({ kind: "null", pick, negate, phrase: s.text(i, i + before.length + 1), presence: true });
      s.take(i, i + before.length + 1);
    }
  }
  for (let i = 0; i < s.length; i++) {
    const pick = s.column(i);
    if (!pick) continue;
    const end = readColumnCondition(s, i, pick, add);
    if (end > i) s.take(i, end);
  }
  for (let i = 0; i < s.length; i++) {
    const t = s.tokens[i];
    if (t.kind === "date" && s.free(i)) readDate(s, i, t, add);
  }
  for (let i = 0; i < s.length; i++) {
    const list = readValueList(s, i);
    const next = list ? s.tokens[list.end] : undefined;
    if (
      list &&
      list.entries.length === 1 &&
      list.end === i + 1 &&
      next?.kind === "date" &&
      FILLER.has(s.tokens[i].text.toLowerCase())
    ) {
      // "orders placed since March 2024": here "placed" is the verb, not the status.
      s.take(i, i + 1);
      continue;
    }
    if (list) {
      add({ kind: "value", entries: list.entries, negate: list.negate, phrase: s.text(list.start, list.end) });
      s.take(list.start, list.end);
    }
  }
  parseFlagAdjectives(s, add);
  for (let i = 0; i < s.length; i++) {
    const cmp = s.match(i, RANGE_CMP);
    if (!cmp) continue;
    const value = s.number(i + cmp.length);
    const table = value !== undefined ? s.table(i + cmp.length + 1) : undefined;
    if (value !== undefined && table) {
      const lead = s.match(i - 1, HAVING_LEAD) ? i - 1 : i;
      intent.having.push({
        measure: {
          kind: "aggregate",
          fn: "count",
          of: { table },
          keyword: "number of",
          words: s.tokens[i + cmp.length + 1].text,
          phrase: s.text(i, i + cmp.length + 2),
        },
        op: op(cmp.phrase),
        value,
        phrase: s.text(lead, i + cmp.length + 2),
      });
      s.take(lead, i + cmp.length + 2);
      continue;
    }
    const owner =
      s.tokens[i - 1]?.kind === "mention"
        ? (s.tokens[i - 1] as TokenOf<"mention">).entries.find((e) => e.kind === "table" && e.tier === 0)?.table
        : undefined;
    if (value !== undefined && owner) {
      add({ kind: "measure", table: owner, op: op(cmp.phrase), value, phrase: s.text(i - 1, i + cmp.length + 1) });
      s.take(i, i + cmp.length + 1);
    }
  }
}

/** "amount over 100", "status in ('a','b')", "country is Germany", "email is null"; returns the end. */
function readColumnCondition(s: TokenStream, i: number, pick: ColumnPick, add: (f: FilterIntent) => void): number {
  let j = i + 1;
  const nullness = s.match(j, NULL_AFTER) ?? s.match(j, NOT_NULL_AFTER);
  if (nullness) {
    add({
      kind: "null",
      pick,
      negate: NOT_NULL_AFTER.includes(nullness.phrase),
      phrase: s.text(i, j + nullness.length),
    });
    return j + nullness.length;
  }
  if (s.isWord(j, "is", "are", "was")) j++;
  const negate = s.isWord(j, "not");
  if (negate) j++;
  if (s.isWord(j, "between")) {
    const low = literalAt(s, j + 1);
    const high = s.isWord(j + 2, "and") ? literalAt(s, j + 3) : undefined;
    if (low === undefined || high === undefined)
      reject("not_understood", `"${s.text(i, j + 4)}": expected "between <low> and <high>"`, {
        phrase: s.text(i, j + 4),
      });
    add({ kind: "between", pick, low: low!, high: high!, phrase: s.text(i, j + 4) });
    return j + 4;
  }
  if (s.isWord(j, "in", "one of", "among")) {
    const list = readLiteralList(s, j + 1);
    if (list) {
      add({ kind: "in", pick, negate, values: list.values, phrase: s.text(i, list.end) });
      return list.end;
    }
  }
  j = i + 1;
  const cmp = s.match(j, CMP_PHRASES);
  if (!cmp) return i;
  j += cmp.length;
  const t = s.tokens[j];
  if (t?.kind === "date" && s.free(j) && /^\d{4}-\d{2}-\d{2}$/.test(t.text)) {
    const o = op(cmp.phrase);
    const { from, to } = t.range;
    const range =
      o === ">"
        ? { from: to }
        : o === ">="
          ? { from }
          : o === "<"
            ? { to: from }
            : o === "<="
              ? { to }
              : o === "="
                ? { from, to }
                : null;
    if (!range)
      reject("not_understood", `"${s.text(i, j + 1)}": a date can be compared with =, <, <=, > or >=`, {
        phrase: s.text(i, j + 1),
      });
    add({ kind: "date", pick: onlyDates(pick) ?? pick, range: { ...t.range, ...range }, phrase: s.text(i, j + 1) });
    return j + 1;
  }
  const list = readLiteralList(s, j, cmp.phrase === "is" || cmp.phrase === "is not" || cmp.phrase === "equals");
  if (!list) return i;
  const o = op(cmp.phrase);
  if (list.values.length > 1) {
    if (o !== "=" && o !== "!=")
      reject("not_understood", `"${s.text(i, list.end)}": compare with one value, or use "in (...)"`, {
        phrase: s.text(i, list.end),
      });
    add({ kind: "in", pick, negate: o === "!=", values: list.values, phrase: s.text(i, list.end) });
  } else add({ kind: "compare", pick, op: o, value: list.values[0], phrase: s.text(i, list.end) });
  return list.end;
}

function literalAt(s: TokenStream, i: number): Literal | undefined {
  const t = s.tokens[i];
  if (!s.free(i)) return undefined;
  if (t.kind === "number" || t.kind === "string") return t.value;
  return undefined;
}

/** One literal or a list: "('a', 'b')", "shipped or completed", "'x', 'y' and 'z'", "Germany". */
function readLiteralList(s: TokenStream, i: number, allowBare = true): { values: Literal[]; end: number } | null {
  let j = i;
  const paren = s.free(j) && s.tokens[j].text === "(";
  if (paren) j++;
  const values: Literal[] = [];
  for (;;) {
    const t = s.tokens[j];
    if (!t || !s.free(j)) break;
    if (t.kind === "number" || t.kind === "string") values.push(t.value);
    else if (t.kind === "mention" && t.entries.some((e) => e.kind === "value"))
      values.push((t.entries.find((e) => e.kind === "value") as { value: string }).value);
    else if (allowBare && (t.kind === "word" || t.kind === "mention") && /^[A-Z]/.test(t.text)) {
      // A capitalised bare word after "is" reads as a text value: "country is Germany", "city is New York".
      let k = j + 1;
      while (s.free(k) && s.tokens[k].kind === "word" && /^[A-Z]/.test(s.tokens[k].text)) k++;
      values.push(s.text(j, k));
      j = k - 1;
    } else break;
    j++;
    const sep = s.match(j, [",", "or", "and", ", or", ", and", "nor"]);
    const next = s.tokens[j + (sep?.length ?? 0)];
    const bare = allowBare && (next?.kind === "word" || next?.kind === "mention") && /^[A-Z]/.test(next.text);
    if (
      !sep ||
      !next ||
      !(
        bare ||
        next.kind === "number" ||
        next.kind === "string" ||
        (next.kind === "mention" && next.entries.some((e) => e.kind === "value"))
      )
    )
      break;
    j += sep.length;
  }
  if (values.length === 0) return null;
  if (paren) {
    if (!(s.free(j) && s.tokens[j].text === ")")) return null;
    j++;
  }
  return { values, end: j };
}

function readDate(s: TokenStream, i: number, t: TokenOf<"date">, add: (f: FilterIntent) => void): void {
  let k = i - 1;
  while (k >= 0 && s.isWord(k, ...SKIP_BEFORE_DATE)) k--;
  const before = k >= 0 ? s.column(k, { allowWeakerThanTable: true }) : undefined;
  const numeric =
    before &&
    before.candidates.every((c) => c.table.columns.some((col) => col.name === c.columns[0] && !isDateLike(col)));
  if (before && numeric && t.years && /^between\b/i.test(t.text)) {
    // "amount between 1990 and 2000" is about numbers, not years.
    if (t.years.length === 2)
      add({ kind: "between", pick: before, low: t.years[0], high: t.years[1], phrase: s.text(k, i + 1) });
    else
      reject("ambiguous", `"${s.text(k, i + 1)}": is ${t.years[0]} a year or a value of ${before.phrase}?`, {
        phrase: s.text(k, i + 1),
      });
    s.take(k, i + 1);
    return;
  }
  // "orders in 2019": the table's own date column; the table stays a table mention. A column
  // that is not a date ("total amount per country in 2024") leaves the date to the measured table.
  const table = k >= 0 ? s.table(k) : undefined;
  const dated = before && !table ? onlyDates(before) : undefined;
  add({ kind: "date", pick: dated, table, range: t.range, phrase: dated || table ? s.text(k, i + 1) : t.text });
  s.take(dated ? k : i, i + 1);
}
