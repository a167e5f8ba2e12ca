import type { LexEntry } from "@/lib/planner/rules/lexicon";
import type { TokenStream } from "@/lib/planner/rules/token-stream";

type ValueEntry = Extract<LexEntry, { kind: "value" }>;

const NEGATIONS = [
  "not",
  "excluding",
  "except",
  "other than",
  "non",
  "that are not",
  "which are not",
  "that were not",
  "aren't",
  "isn't",
  "exclude",
  "without",
];
const LEADS = [
  "paid by",
  "paid with",
  "paid using",
  "using",
  "via",
  "by",
  "with",
  "in",
  "in the",
  "from the",
  "from",
  "that are",
  "which are",
  "that were",
  "only",
];
const VERBS = ["paid", "shipped", "placed", "ordered", "bought", "purchased", "made"];
const SEPARATORS = [",", "or", "and", ", or", ", and", "nor"];

/**
 * A run of known column values ("shipped or completed orders", "not cancelled",
 * "paid by credit card"), with the column's own name beside it read too ("status shipped").
 */
export function readValueList(
  s: TokenStream,
  i: number,
): { entries: ValueEntry[][]; negate: boolean; start: number; end: number } | null {
  if (!s.values(i)) return null;
  const entries: ValueEntry[][] = [s.values(i)!];
  let end = i + 1;
  for (;;) {
    const sep = s.match(end, SEPARATORS);
    const next = sep ? s.values(end + sep.length) : undefined;
    if (!sep || !next) break;
    entries.push(next);
    end += sep.length + 1;
  }
  let start = i;
  const neg = lookBehind(s, start, NEGATIONS);
  const negate = neg > 0;
  start -= neg;
  if (!negate) start -= lookBehind(s, start, LEADS);
  // "paid by credit card": the verb names the event, not another column to show.
  const verb = s.tokens[start - 1];
  if (verb?.kind === "mention" && s.free(start - 1) && VERBS.includes(verb.lower)) start--;
  const columnNames = new Set(entries.flat().map((e) => e.column));
  // "status shipped", "shipped status", "in the electronics category": the column named beside its value.
  const namesColumn = (k: number) =>
    s.column(k, { allowWeakerThanTable: true })?.candidates.some((c) => c.columns.some((n) => columnNames.has(n)));
  if (namesColumn(start - 1)) start--;
  if (namesColumn(end)) end++;
  return { entries, negate, start, end };
}

function lookBehind(s: TokenStream, i: number, phrases: string[]): number {
  for (let n = 3; n >= 1; n--) {
    const m = i - n >= 0 ? s.match(i - n, phrases) : null;
    if (m && m.length === n) return n;
  }
  return 0;
}
