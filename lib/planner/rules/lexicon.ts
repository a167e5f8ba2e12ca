import Fuse from "fuse.js";
import type { Catalog, CatalogTable } from "@/lib/catalog/types";
import { nameWords, phraseKey } from "@/lib/planner/rules/normalize";
import { columnVariants } from "@/lib/planner/rules/column-variants";

/** How directly a phrase names a thing: 0 its own name, 1 qualified by its table, 2 a synonym. */
export type Tier = 0 | 1 | 2;

export type LexEntry =
  | { kind: "table"; table: CatalogTable; tier: Tier }
  /** `columns` has two entries for "name" -> first_name, last_name. */
  | { kind: "column"; table: CatalogTable; columns: string[]; tier: Tier }
  | { kind: "value"; table: CatalogTable; column: string; value: string; tier: Tier };

export type Lexicon = {
  phrases: Map<string, LexEntry[]>;
  /** Longest phrase length in words, to bound the longest-match scan. */
  maxWords: number;
  tables: CatalogTable[];
  tableByName: Map<string, CatalogTable>;
  tableFuzzy: Fuse<{ key: string; table: CatalogTable }>;
  columnFuzzy: Fuse<{ key: string; table: CatalogTable; column: string }>;
};

const STAGE_PREFIXES = new Set(["raw", "stg", "src", "staging", "source", "landing"]);

const byCatalog = new WeakMap<Catalog, WeakMap<object, Lexicon>>();
const NO_SAMPLES = {};

/** The phrase index of a catalog, built once per catalog (and sample-value) object. */
export function getLexicon(catalog: Catalog, sampleValues?: Record<string, string[]>): Lexicon {
  let inner = byCatalog.get(catalog);
  if (!inner) byCatalog.set(catalog, (inner = new WeakMap()));
  const key = sampleValues ?? NO_SAMPLES;
  let lexicon = inner.get(key);
  if (!lexicon) inner.set(key, (lexicon = buildLexicon(catalog, sampleValues ?? {})));
  return lexicon;
}

function buildLexicon(catalog: Catalog, sampleValues: Record<string, string[]>): Lexicon {
  const phrases = new Map<string, LexEntry[]>();
  let maxWords = 1;
  const add = (words: string[], entry: LexEntry) => {
    if (words.length === 0) return;
    const key = phraseKey(words);
    const list = phrases.get(key) ?? [];
    const same = list.find((e) => e.table === entry.table && e.kind === entry.kind && sameTarget(e, entry));
    if (same) {
      if (entry.tier < same.tier) same.tier = entry.tier;
      return;
    }
    list.push(entry);
    phrases.set(key, list);
    maxWords = Math.max(maxWords, words.length);
  };
  const tableFuzzyItems: { key: string; table: CatalogTable }[] = [];
  const columnFuzzyItems: { key: string; table: CatalogTable; column: string }[] = [];

  for (const table of catalog.tables) {
    const words = nameWords(table.name);
    add(words, { kind: "table", table, tier: 0 });
    // "orders" for raw_orders: a loading-stage prefix is not how people name the table. Tier 1,
    // so a table really called orders still wins, and only when no other table is called that.
    const bare = words.length > 1 && STAGE_PREFIXES.has(words[0]) ? words.slice(1) : undefined;
    if (bare && !catalog.tables.some((t) => nameWords(t.name).join(" ") === bare.join(" ")))
      add(bare, { kind: "table", table, tier: 1 });
    tableFuzzyItems.push({ key: table.name.toLowerCase(), table });
    for (const variant of columnVariants(table))
      add(variant.words, { kind: "column", table, columns: variant.columns, tier: variant.tier });
    for (const column of table.columns)
      columnFuzzyItems.push({ key: column.name.toLowerCase(), table, column: column.name });
  }
  for (const [key, values] of Object.entries(sampleValues)) {
    const [tableName, columnName] = key.split(".");
    const table = catalog.tables.find((t) => t.name === tableName);
    if (!table || !table.columns.some((c) => c.name === columnName)) continue;
    for (const value of values) add(nameWords(value), { kind: "value", table, column: columnName, value, tier: 0 });
  }
  const fuseOptions = { keys: ["key"], includeScore: true, threshold: 0.4, ignoreLocation: true };
  return {
    phrases,
    maxWords,
    tables: catalog.tables,
    tableByName: new Map(catalog.tables.map((t) => [t.name, t])),
    tableFuzzy: new Fuse(tableFuzzyItems, fuseOptions),
    columnFuzzy: new Fuse(columnFuzzyItems, fuseOptions),
  };
}

function sameTarget(a: LexEntry, b: LexEntry): boolean {
  if (a.kind === "column" && b.kind === "column") return a.columns.join() === b.columns.join();
  if (a.kind === "value" && b.kind === "value") return a.column === b.column && a.value === b.value;
  return a.kind === "table" && b.kind === "table";
}
