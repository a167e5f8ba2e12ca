import pluralize from "pluralize";
import type { Dimension, SemanticModel } from "./model-schema";

/**
 * A column that holds a value a request quoted, with the value as the column spells it.
 * `loose` marks a match of the words only (separators, capitals or number differ).
 */
export type ValueMatch = { table: string; column: string; value: string; loose?: boolean };

/** How values are compared: case, surrounding spaces and Unicode forms do not matter. */
export const normalizeValue = (text: string) => text.normalize("NFKC").trim().toLowerCase();

/**
 * A value as words: codes written snake_case, kebab-case or camelCase read as the words they
 * join ("bank_transfer", "giftCard" → bank transfer, gift card), the last word singular, so
 * that "gift cards" finds `gift_card` and "coupons" finds `coupon`.
 */
export function valueWords(text: string): string {
  const words = text
    .normalize("NFKC")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .toLowerCase()
    .split(/[\s_-]+/u)
    .filter(Boolean);
  if (words.length === 0) return "";
  const last = words[words.length - 1];
  if (/^\p{L}+$/u.test(last)) words[words.length - 1] = pluralize.singular(last);
  return words.join(" ");
}

// Values this short are codes ("CA", "UK"): a request means one only when it writes it the same way.
const LONGEST_CODE = 2;

export type ValueLookupOptions = {
  /**
   * Other spellings to try for a word, such as a country for its demonym ("German" → Germany).
   * Tried after the word itself, in location columns only; matches of the word itself come first.
   */
  alternatives?: (text: string) => string[];
};

type Entry = ValueMatch & { location: boolean };

/**
 * Builds the lookup from a word or phrase to the columns whose indexed values hold it, so that
 * "London" finds `customers.city`, "AC/DC" finds `artist.name` and "bank transfer" finds
 * `payments.payment_method = 'bank_transfer'`. Exact matches (any case) come first, then
 * matches of the words, then the alternatives.
 */
export function createValueLookup(
  model: SemanticModel,
  options: ValueLookupOptions = {},
): (text: string) => ValueMatch[] {
  const exact = new Map<string, Entry[]>();
  const loose = new Map<string, Entry[]>();
  const add = (index: Map<string, Entry[]>, key: string, entry: Entry) => {
    const entries = index.get(key) ?? [];
    if (key && !entries.some((e) => e.table === entry.table && e.column === entry.column)) entries.push(entry);
    index.set(key, entries);
  };
  for (const entity of model.entities) {
    for (const dimension of entity.dimensions) {
      for (const value of dimension.values ?? []) {
        const entry = { table: entity.table, column: dimension.column, value, location: isLocation(dimension) };
        add(exact, normalizeValue(value), entry);
        add(loose, valueWords(value), entry);
      }
    }
  }
  const find = (text: string): Entry[] => {
    const key = normalizeValue(text);
    // A short code matches only as written ("CA", "UK"); the pronoun "us" is not "US".
    const same = (e: Entry) =>
      key.length > LONGEST_CODE || e.value.normalize("NFKC").trim() === text.normalize("NFKC").trim();
    const direct = (exact.get(key) ?? []).filter(same);
    const words =
      key.length > LONGEST_CODE ? (loose.get(valueWords(text)) ?? []).map((e) => ({ ...e, loose: true })) : [];
    return [...direct, ...words.filter((w) => !direct.some((d) => d.table === w.table && d.column === w.column))];
  };
  return (text) => {
    const direct = find(text);
    const others = (options.alternatives?.(text) ?? []).flatMap(find).filter((m) => m.location && !m.loose);
    const all = [...direct];
    for (const m of others) if (!all.some((d) => d.table === m.table && d.column === m.column)) all.push(m);
    return all.map(({ location: _, ...match }) => match);
  };
}

const isLocation = (dimension: Dimension) => dimension.kind === "location";
