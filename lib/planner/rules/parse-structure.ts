import type { CatalogTable } from "@/lib/catalog/types";
import type { Intent, JoinIntent, MeasureIntent } from "@/lib/planner/rules/intent";
import { DIRECTION_WORDS, ORDER_WORDS, RANK_WORDS } from "@/lib/planner/rules/keywords";
import { readMeasure } from "@/lib/planner/rules/parse-measures";
import type { TokenStream } from "@/lib/planner/rules/token-stream";

const JOIN_WORDS = [
  "join",
  "joined with",
  "joined to",
  "inner join",
  "left join",
  "left outer join",
  "combine",
  "merge",
  "joining",
  "link",
  "match",
];
const JOIN_SEPARATORS = ["and", "with", "to", ",", "join", "against"];
const KEEP_WORDS = [
  "including",
  "include",
  "even",
  "with or without",
  "including those",
  "including ones",
  "even those",
  "even the ones",
  "even if they have",
];
const MISSING_WORDS = [
  "without",
  "with no",
  "that have no",
  "who have no",
  "that has no",
  "who has no",
  "with zero",
  "that never had",
  "who never placed",
  "that never placed",
  "who never made",
  "without any",
  "with no matching",
];

/** Explicit joins: "join customers and orders on customer_id", "orders.customer_id = customers.customer_id". */
export function parseJoins(s: TokenStream, intent: Intent): void {
  for (let i = 0; i < s.length; i++) {
    const jw = s.match(i, JOIN_WORDS);
    if (!jw) continue;
    let j = i + jw.length;
    const tables: CatalogTable[] = [];
    for (;;) {
      while (s.isWord(j, "the", "table", "tables")) j++;
      const table = s.table(j);
      if (!table) break;
      tables.push(table);
      j++;
      while (s.isWord(j, "table", "tables")) j++;
      const sep = s.match(j, JOIN_SEPARATORS);
      if (!sep || !s.table(j + sep.length + (s.isWord(j + sep.length, "the") ? 1 : 0))) break;
      j += sep.length;
    }
    if (tables.length < 2 && !(tables.length === 1 && i > 0 && s.table(i - 1))) continue;
    if (tables.length === 1) tables.unshift(s.table(i - 1)!);
    const join: JoinIntent = { tables, left: jw.phrase.startsWith("left"), phrase: "" };
    s.take(i, j);
    j = readJoinKeys(s, j, join);
    join.phrase = s.text(i, j);
    for (const table of tables) intent.tables.push({ table, phrase: join.phrase });
    intent.joins.push(join);
  }
  // A bare "a.x = b.y" anywhere is a join condition too.
  for (let i = 0; i + 2 < s.length; i++) {
    const [a, eq, b] = [s.tokens[i], s.tokens[i + 1], s.tokens[i + 2]];
    if (a.kind !== "qualified" || b.kind !== "qualified" || eq.kind !== "punct" || eq.value !== "=" || !s.free(i))
      continue;
    s.column(i);
    s.column(i + 2);
    const join: JoinIntent = {
      tables: [a.table, b.table],
      on: [{ left: { table: a.table, column: a.column }, right: { table: b.table, column: b.column } }],
      phrase: s.text(i, i + 3),
    };
    s.take(i, i + 3);
    intent.joins.push(join);
  }
}

function readJoinKeys(s: TokenStream, j: number, join: JoinIntent): number {
  if (!s.isWord(j, "on", "using", "by", "via")) return j;
  let k = j + 1;
  while (s.isWord(k, "the", "their", "matching", "shared", "common")) k++;
  if (s.free(k) && s.tokens[k].kind === "punct" && s.tokens[k].text === "(") k++;
  const a = s.tokens[k];
  const b = s.tokens[k + 2];
  if (a?.kind === "qualified" && b?.kind === "qualified" && s.tokens[k + 1]?.text === "=") {
    s.column(k);
    s.column(k + 2);
    join.on = [{ left: { table: a.table, column: a.column }, right: { table: b.table, column: b.column } }];
    k += 3;
  } else {
    const pick = s.column(k, { allowWeakerThanTable: true });
    if (!pick) return j;
    join.onColumn = pick;
    k++;
  }
  while (s.isWord(k, "column", "key", "field")) k++;
  if (s.free(k) && s.tokens[k].text === ")") k++;
  s.take(j, k);
  return k;
}

/** "all customers", "including customers without orders" (left join) and "customers without orders" (anti join). */
export function parseKeepAndMissing(s: TokenStream, intent: Intent): void {
  for (let i = 0; i < s.length; i++) {
    if (!s.free(i)) continue;
    const keep = s.match(i, KEEP_WORDS);
    let j = keep ? i + keep.length : i;
    while (keep && s.isWord(j, "the", "all", "those", "ones")) j++;
    const kept = keep ? s.table(j) : undefined;
    if (kept) j++;
    const missing = s.match(j, MISSING_WORDS);
    const missingTable = missing ? s.table(j + missing.length) : undefined;
    if (missing && missingTable) {
      const end = j + missing.length + 1;
      const phrase = s.text(i, end);
      if (keep) {
        // "including customers without orders": keep them, do not filter them in or out.
        intent.keepAll = { table: kept, phrase };
      } else {
        const owner = s.table(i - 1);
        if (!owner) continue;
        intent.keepAll = { table: owner, phrase: s.text(i - 1, end) };
        intent.without.push({ table: missingTable, phrase: s.text(i - 1, end) });
      }
      if (kept) intent.tables.push({ table: kept, phrase });
      intent.tables.push({ table: missingTable, phrase });
      s.take(i, end);
      continue;
    }
    if (s.isWord(i, "all", "every") && s.table(i + 1) && !intent.keepAll) {
      intent.keepAll = { table: s.table(i + 1)!, phrase: s.text(i, i + 2) };
      s.take(i, i + 1);
    }
  }
}

/** "top 10 customers by total amount", "the 3 largest orders", "ordered by ...", "limit 5". */
export function parseRanking(s: TokenStream, intent: Intent, ends: Map<MeasureIntent, number>): void {
  for (let i = 0; i < s.length; i++) {
    if (!s.free(i)) continue;
    const rank = s.match(
      i,
      RANK_WORDS.map(([w]) => w),
    );
    const count = rank ? s.number(i + rank.length) : s.isWord(i, "the") ? undefined : s.number(i);
    if (rank && count !== undefined) {
      readRank(s, intent, ends, i, i + rank.length + 1, count, rank.phrase);
      continue;
    }
    if (!rank && count !== undefined) {
      const after = s.match(
        i + 1,
        RANK_WORDS.map(([w]) => w),
      );
      if (after && s.table(i + 1 + after.length))
        readRank(s, intent, ends, s.isWord(i - 1, "the") ? i - 1 : i, i + 1 + after.length, count, after.phrase);
      continue;
    }
    if (s.isWord(i, "limit", "first") && s.number(i + 1) !== undefined && !s.table(i + 2)) {
      const n = s.isWord(i + 2, "rows", "records", "results") ? 3 : 2;
      intent.limit = { count: s.number(i + 1)!, phrase: s.text(i, i + n) };
      s.take(i, i + n);
      continue;
    }
    const order = s.match(i, ORDER_WORDS);
    if (order) {
      const measure = readMeasure(s, i + order.length);
      if (!measure) continue;
      let end = measure.next;
      const dir = s.match(
        end,
        DIRECTION_WORDS.map(([w]) => w),
      );
      const direction = dir
        ? DIRECTION_WORDS.find(([w]) => w === dir.phrase)![1]
        : measure.value.kind === "aggregate"
          ? "desc"
          : "asc";
      if (dir) end += dir.length;
      intent.order.push({ measure: measure.value, direction, phrase: s.text(i, end) });
      intent.measures.push(measure.value);
      ends.set(measure.value, measure.next - 1);
      s.take(i, end);
    }
  }
}

function readRank(
  s: TokenStream,
  intent: Intent,
  ends: Map<MeasureIntent, number>,
  start: number,
  j: number,
  count: number,
  word: string,
): void {
  const [, direction, basis] = RANK_WORDS.find(([w]) => w === word)!;
  const entity = s.table(j);
  if (entity) j++;
  let measure: MeasureIntent | "date" | "default" = basis === "date" ? "date" : "default";
  let end = j;
  if (s.isWord(j, "by", "on", "with the highest", "with the most", "ranked by", "in terms of")) {
    const read = readMeasure(s, j + 1);
    if (read) {
      measure = read.value;
      end = read.next;
      intent.measures.push(read.value);
      ends.set(read.value, read.next - 1);
    }
  }
  const phrase = s.text(start, end);
  intent.limit = { count, phrase };
  intent.order.push({ measure, direction, phrase, entity });
  if (entity) intent.tables.push({ table: entity, phrase });
  s.take(start, end);
}
