import type { CatalogColumn, CatalogTable } from "@/lib/catalog/types";
import { nameWords } from "@/lib/planner/rules/normalize";
import type { Tier } from "@/lib/planner/rules/lexicon";

export type ColumnVariant = { words: string[]; columns: string[]; tier: Tier };

// Words a data engineer uses for the same measure; they only ever give tier-2 (weakest) matches.
const SYNONYMS: Record<string, string[][]> = {
  amount: [["total"], ["revenue"], ["sale"], ["sales"], ["spend"], ["spending"], ["spent"], ["value"]],
  total: [["amount"], ["revenue"], ["sale"], ["sales"], ["spend"], ["spending"], ["spent"], ["value"]],
  price: [["cost"]],
  quantity: [["qty"], ["unit"]],
  email: [
    ["email", "address"],
    ["e", "mail"],
  ],
  signup: [["sign", "up"], ["registration"]],
  title: [["name"]],
};
const UNIT_SUFFIXES = new Set(["gram", "cent", "ms", "millisecond", "byte", "kg", "usd"]);
const DATE_SUFFIXES = new Set(["date", "at", "time", "on", "timestamp"]);

export function isDateLike(column: CatalogColumn): boolean {
  return column.dataType === "date" || column.dataType.startsWith("timestamp");
}

/** Every phrase that may name a column of `table`, with how strongly it names it. */
export function columnVariants(table: CatalogTable): ColumnVariant[] {
  const out: ColumnVariant[] = [];
  const tableWords = nameWords(table.name);
  const lastTableWord = tableWords.slice(-1);
  const dateColumns = table.columns.filter(isDateLike);
  const push = (words: string[], columns: string[], tier: Tier) => {
    out.push({ words, columns, tier });
    // "order amount", "item quantity": the table's words in front of the column's.
    if (!startsWith(words, tableWords))
      out.push({ words: [...tableWords, ...words], columns, tier: Math.max(tier, 1) as Tier });
    if (tableWords.length > 1 && !startsWith(words, lastTableWord))
      out.push({ words: [...lastTableWord, ...words], columns, tier: Math.max(tier, 1) as Tier });
  };

  for (const column of table.columns) {
    const words = nameWords(column.name);
    push(words, [column.name], 0);
    // "date" for orders.order_date, "id" for customers.customer_id.
    if (startsWith(words, tableWords) && words.length > tableWords.length)
      push(words.slice(tableWords.length), [column.name], 2);
    if (words.length > 1 && UNIT_SUFFIXES.has(words[words.length - 1])) push(words.slice(0, -1), [column.name], 2);
    // "price" for unit_price: the noun that ends a compound measure name.
    if (words.length > 1 && ["price", "cost", "amount", "total"].includes(words[words.length - 1]))
      push(words.slice(-1), [column.name], 2);
    // "support rep" for support_rep_id: a key named after what it points at.
    if (words.length > 2 && words[words.length - 1] === "id") push(words.slice(0, -1), [column.name], 2);
    if (words.length > 1 && ["billing", "shipping", "ship"].includes(words[0])) push(words.slice(1), [column.name], 2);
    for (let i = 0; i < words.length; i++) {
      for (const synonym of SYNONYMS[words[i]] ?? [])
        push([...words.slice(0, i), ...synonym, ...words.slice(i + 1)], [column.name], 2);
    }
    if (isDateLike(column)) {
      const stem = DATE_SUFFIXES.has(words[words.length - 1]) ? words.slice(0, -1) : words;
      // "shipped", "paid", "signed up": the event the timestamp records.
      if (stem.length > 0 && stem.length < words.length) {
        out.push({ words: stem, columns: [column.name], tier: 2 });
        out.push({ words: [...stem, "date"], columns: [column.name], tier: 2 });
        if (stem[0] === "signup") out.push({ words: ["signed", "up"], columns: [column.name], tier: 2 });
      }
      const ownDate = words.join(" ") === [...tableWords, "date"].join(" ");
      if (dateColumns.length === 1 || ownDate)
        out.push({ words: [...tableWords, "date"], columns: [column.name], tier: 1 });
    }
  }
  const names = table.columns.map((c) => c.name);
  if (names.includes("first_name") && names.includes("last_name")) {
    for (const words of [["name"], ["full", "name"]]) push(words, ["first_name", "last_name"], 1);
    out.push({ words: ["first", "and", "last", "name"], columns: ["first_name", "last_name"], tier: 0 });
  }
  return out;
}

function startsWith(words: string[], prefix: string[]): boolean {
  return prefix.length <= words.length && prefix.every((w, i) => words[i] === w);
}
