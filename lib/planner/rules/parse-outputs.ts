import { AGGREGATE_WORDS, GRAIN_WORDS, TIME_ADVERBS, TIME_UNITS } from "@/lib/planner/rules/keywords";
import type { GrainIntent, Intent, MeasureIntent } from "@/lib/planner/rules/intent";
import type { Lexicon } from "@/lib/planner/rules/lexicon";
import { normalizeWord } from "@/lib/planner/rules/normalize";
import { readAggregate, readExpression } from "@/lib/planner/rules/parse-measures";
import type { TokenStream } from "@/lib/planner/rules/token-stream";
import { isDateLike } from "@/lib/planner/rules/column-variants";
import { reject } from "@/lib/planner/rules/types";

const AGG_PHRASES = AGGREGATE_WORDS.map(([w]) => w);

/** Aggregates, arithmetic columns, the grain, plain selected columns and remaining tables. */
export function parseOutputs(s: TokenStream, intent: Intent, ends: Map<MeasureIntent, number>, lexicon: Lexicon): void {
  // A keyword that is also a column ("total" in invoice.total) reads as the column when nothing follows it.
  for (let i = s.length - 1; i >= 0; i--) {
    const t = s.tokens[i];
    if (t.kind !== "word" || !s.free(i) || !s.match(i, AGG_PHRASES) || readAggregate(s, i)) continue;
    const entries = lexicon.phrases.get(normalizeWord(t.lower));
    if (entries) s.tokens[i] = { kind: "mention", entries, lower: t.lower, start: t.start, end: t.end, text: t.text };
  }
  const push = (m: MeasureIntent, from: number, to: number) => {
    intent.measures.push(m);
    ends.set(m, to - 1);
    s.take(from, to);
  };
  for (let i = 0; i < s.length; i++) {
    const read = readAggregate(s, i);
    if (read) push(read.value, i, read.next);
    else if (s.match(i, AGG_PHRASES)) readSharedAggregate(s, i, push);
  }
  for (let i = 0; i < s.length; i++) {
    const read = readExpression(s, i);
    if (read) push({ kind: "expression", expr: read.value, phrase: read.value.words }, i, read.next);
  }
  parseGrain(s, intent);
  for (let i = 0; i < s.length; i++) {
    const pick = s.column(i);
    if (pick) push({ kind: "column", pick, phrase: pick.phrase }, i, i + 1);
  }
  for (let i = 0; i < s.length; i++) {
    const table = s.table(i);
    if (table) {
      intent.tables.push({ table, phrase: s.tokens[i].text });
      s.take(i, i + 1);
    }
  }
}

/** "earliest and latest order date": two aggregates over one column. */
function readSharedAggregate(
  s: TokenStream,
  i: number,
  push: (m: MeasureIntent, from: number, to: number) => void,
): void {
  const first = s.match(i, AGG_PHRASES)!;
  const sep = s.match(i + first.length, ["and", ",", "or"]);
  if (!sep) return;
  const second = readAggregate(s, i + first.length + sep.length);
  if (!second || second.value.kind !== "aggregate") return;
  const fn = AGGREGATE_WORDS.find(([w]) => w === first.phrase)![1];
  const own = {
    ...second.value,
    fn,
    keyword: first.phrase,
    phrase: `${s.text(i, i + first.length)} ${second.value.words}`,
  };
  push(own, i, i + first.length + sep.length);
  s.used[i + first.length + sep.length - 1] = true;
}

function parseGrain(s: TokenStream, intent: Intent): void {
  for (let i = 0; i < s.length; i++) {
    const t = s.tokens[i];
    if (t.kind === "word" && s.free(i) && TIME_ADVERBS[t.lower]) {
      intent.grain.push({ kind: "bucket", unit: TIME_ADVERBS[t.lower], phrase: t.text });
      s.take(i, i + 1);
      continue;
    }
    const lead = s.match(i, GRAIN_WORDS);
    if (!lead) continue;
    let j = i + lead.length;
    const found: GrainIntent[] = [];
    for (;;) {
      while (s.isWord(j, "the", "their", "its", "each", "every", "a")) j++;
      const term = readGrainTerm(s, j);
      if (!term) break;
      // The first term's phrase keeps its lead word, "per customer", so the clause traces to the prompt.
      found.push(found.length === 0 ? { ...term.value, phrase: s.text(i, term.next) } : term.value);
      j = term.next;
      const sep = s.match(j, ["and", ",", "and by", ", and", "then by", "and per", "and each"]);
      if (!sep || !readGrainTerm(s, j + sep.length + (s.isWord(j + sep.length, "the", "their") ? 1 : 0))) break;
      j += sep.length;
    }
    if (found.length === 0) continue;
    intent.grain.push(...found);
    s.take(i, j);
  }
}

function readGrainTerm(s: TokenStream, j: number): { value: GrainIntent; next: number } | null {
  const t = s.tokens[j];
  const unit = t?.kind === "word" && s.free(j) ? TIME_UNITS[t.lower] : undefined;
  if (unit) {
    // "per month of signup date"
    if (s.isWord(j + 1, "of")) {
      const pick = s.column(j + 2, { allowWeakerThanTable: true });
      if (pick) return { value: { kind: "bucket", unit, pick, phrase: s.text(j, j + 3) }, next: j + 3 };
    }
    return { value: { kind: "bucket", unit, phrase: t.text }, next: j + 1 };
  }
  const pick = s.column(j);
  const next = s.tokens[j + 1];
  const nextUnit = next?.kind === "word" && s.free(j + 1) ? TIME_UNITS[next.lower] : undefined;
  // "by signup month", "per order month": a date column and a bucket.
  const datePick = s.column(j, { allowWeakerThanTable: true });
  if (datePick && nextUnit)
    return { value: { kind: "bucket", unit: nextUnit, pick: datePick, phrase: s.text(j, j + 2) }, next: j + 2 };
  if (
    pick &&
    pick.candidates.every(
      (c) =>
        c.tier === 2 && c.columns.every((name) => c.table.columns.some((col) => col.name === name && isDateLike(col))),
    )
  ) {
    // "per order" read only as raw_orders.order_date would group by day and call it per order.
    const c = pick.candidates[0];
    reject(
      "ambiguous",
      `"${pick.phrase}" reads only as the date ${c.table.name}.${c.columns[0]}; group by a table ("per ${c.table.name}") or a period ("per ${pick.phrase} month")`,
      {
        phrase: pick.phrase,
        candidates: pick.candidates.map((x) => `${x.table.name}.${x.columns[0]}`),
      },
    );
  }
  if (pick) return { value: { kind: "column", pick, phrase: pick.phrase }, next: j + 1 };
  const table = s.table(j);
  if (table) return { value: { kind: "table", table, phrase: t.text }, next: j + 1 };
  return null;
}
