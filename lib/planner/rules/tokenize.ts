import type { Lexicon, LexEntry } from "@/lib/planner/rules/lexicon";
import { findDateRanges } from "@/lib/planner/rules/dates";
import { normalizeWord } from "@/lib/planner/rules/normalize";
import { findNameSpans } from "@/lib/planner/rules/name-spans";
import { KEYWORD_PHRASES } from "@/lib/planner/rules/keywords";
import { maskApostrophes } from "@/lib/planner/rules/safety";
import type { Token } from "@/lib/planner/rules/tokens";
import type { JoinGraph } from "@/lib/planner/rules/join-graph";
import { keepWeakValues } from "@/lib/planner/rules/weak-values";
import { namedTables, rankTables, type TableRanking } from "@/lib/planner/rules/table-ranks";

type Special = Token & { start: number; end: number };

const QUOTED = /'((?:[^']|'')*)'|"([^"]*)"/g;
const QUALIFIED = /\b([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\b/g;
const BASIC =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([A-Za-z][A-Za-z0-9_]*(?:['\u2019]s|')?)|(<=|>=|<>|!=|==|[=<>,()+\-*/%])/g;

/**
 * Splits a prompt into tokens: quoted literals, `table.column` references, date phrases and
 * target / alias names first, then words, where the longest catalog phrase wins over shorter
 * ones and a keyword wins a tie. With the join graph, a phrase that only names a column of a
 * table the prompt does not name gives way to a keyword followed by a column of a named one
 * ("total order amount" is total + orders.amount, not customer_order_totals.total_order_amount).
 */
export function tokenize(
  prompt: string,
  lexicon: Lexicon,
  now: Date,
  links?: { graph: JoinGraph; derived?: ReadonlySet<string> },
): Token[] {
  const specials: Special[] = [];
  const free = (start: number, end: number) => !specials.some((s) => start < s.end && end > s.start);
  const addSpecial = (token: Special) => free(token.start, token.end) && specials.push(token);

  for (const m of maskApostrophes(prompt).matchAll(QUOTED)) {
    const value = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    addSpecial({ kind: "string", value, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const span of findNameSpans(prompt)) if (free(span.start, span.end)) specials.push(span);
  for (const m of prompt.matchAll(QUALIFIED)) {
    const table = lexicon.tableByName.get(m[1]) ?? lexicon.tableByName.get(m[1].toLowerCase());
    if (table)
      addSpecial({ kind: "qualified", table, column: m[2], start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const range of findDateRanges(prompt, now)) {
    const years = /^\D*((?:19|20)\d{2})(?:\D+((?:19|20)\d{2}))?\D*$/.exec(range.text);
    const onlyYears = years && !/[a-z]{3,}\s+(?:19|20)\d{2}|-|q[1-4]/i.test(range.text.replace(/^\w+\s+/, ""));
    addSpecial({
      kind: "date",
      range,
      years: onlyYears ? [years[1], years[2]].filter(Boolean).map(Number) : undefined,
      start: range.start,
      end: range.end,
      text: range.text,
    });
  }
  specials.sort((a, b) => a.start - b.start);

  const basic: Token[] = [];
  let cursor = 0;
  for (const special of [...specials, null]) {
    const stop = special ? special.start : prompt.length;
    for (const m of prompt.slice(cursor, stop).matchAll(BASIC)) {
      const start = cursor + m.index;
      const end = start + m[0].length;
      if (m[1]) basic.push({ kind: "number", value: Number(m[1].replace(/,/g, "")), start, end, text: m[0] });
      else if (m[2]) {
        const word = m[2].replace(/['\u2019]s?$/, "");
        basic.push({ kind: "word", lower: word.toLowerCase(), start, end, text: word });
      } else basic.push({ kind: "punct", value: m[3] === "==" ? "=" : m[3], start, end, text: m[0] });
    }
    if (special) basic.push(special);
    cursor = special ? special.end : prompt.length;
  }
  const merged = mergePhrases(basic, lexicon);
  if (!links) return merged;
  const ranking = rankTables({ named: namedTables(merged), graph: links.graph, derived: links.derived });
  return mergePhrases(basic, lexicon, ranking);
}

type Match = { length: number; entries: LexEntry[] };

/** Longest-match of catalog phrases over runs of words; underscores split names into words. */
function mergePhrases(tokens: Token[], lexicon: Lexicon, ranking?: TableRanking): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    const head = tokens[i];
    if (head.kind !== "word") {
      out.push(head);
      i++;
      continue;
    }
    const keywordLength = longestKeyword(tokens, i);
    const best = matchesAt(tokens, i, lexicon)
      .map((m) => ({
        length: m.length,
        entries: keepWeakValues(
          m.entries,
          tokens
            .slice(i, i + m.length)
            .map((t) => t.text)
            .join(" "),
          out,
        ),
      }))
      .filter((m) => m.entries.length > 0)
      .at(-1);
    if (
      best &&
      best.length > keywordLength &&
      !(ranking && keywordThenBetter(tokens, i, keywordLength, best, lexicon, ranking))
    ) {
      const last = tokens[i + best.length - 1];
      const text = tokens
        .slice(i, i + best.length)
        .map((t) => t.text)
        .join(" ");
      out.push({
        kind: "mention",
        entries: best.entries,
        lower: text.toLowerCase(),
        start: head.start,
        end: last.end,
        text,
      });
      i += best.length;
    } else {
      out.push(head);
      i++;
    }
  }
  return out;
}

/** Every catalog phrase starting at word `i`, shortest first. */
function matchesAt(tokens: Token[], i: number, lexicon: Lexicon): Match[] {
  const found: Match[] = [];
  const words: string[] = [];
  for (let j = i; j < tokens.length && j - i < lexicon.maxWords + 2; j++) {
    const t = tokens[j];
    if (t.kind !== "word") break;
    words.push(...t.lower.split("_").filter(Boolean).map(normalizeWord));
    if (words.length > lexicon.maxWords) break;
    const entries = lexicon.phrases.get(words.join(" "));
    if (entries) found.push({ length: j - i + 1, entries });
  }
  return found;
}

/** True when the keyword at `i` followed by a phrase of a better-ranked table fits inside `best`. */
function keywordThenBetter(
  tokens: Token[],
  i: number,
  keywordLength: number,
  best: Match,
  lexicon: Lexicon,
  ranking: TableRanking,
): boolean {
  if (keywordLength === 0) return false;
  const rankOf = (m: Match) => Math.min(...m.entries.map((e) => ranking.rank(e.table)));
  const own = rankOf(best);
  if (own === 0) return false;
  return matchesAt(tokens, i + keywordLength, lexicon).some(
    (m) => keywordLength + m.length <= best.length && rankOf(m) < own,
  );
}

function longestKeyword(tokens: Token[], i: number): number {
  let best = 0;
  let phrase = "";
  for (let j = i; j < tokens.length && j - i < 5; j++) {
    const t = tokens[j];
    if (t.kind !== "word") break;
    phrase = phrase ? `${phrase} ${t.lower}` : t.lower;
    if (KEYWORD_PHRASES.has(phrase)) best = j - i + 1;
  }
  return best;
}
