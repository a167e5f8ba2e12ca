import type { SemanticModel } from "./model-schema";

/** A column that holds a value a request quoted, with the value as the column spells it. */
export type ValueMatch = { table: string; column: string; value: string };

/** How values are compared: case, surrounding spaces and Unicode forms do not matter. */
export const normalizeValue = (text: string) => text.normalize("NFKC").trim().toLowerCase();

export type ValueLookupOptions = {
  /**
   * Other spellings to try for a word, such as a country for its demonym ("German" → Germany).
   * Tried after the word itself; matches of the word itself come first.
   */
  alternatives?: (text: string) => string[];
};

/**
 * Builds the lookup from a word or phrase to the columns whose indexed values hold it, so that
 * "London" finds `customers.city` and "AC/DC" finds `artist.name`.
 */
export function createValueLookup(model: SemanticModel, options: ValueLookupOptions = {}): (text: string) => ValueMatch[] {
  const index = new Map<string, ValueMatch[]>();
  for (const entity of model.entities) {
    for (const dimension of entity.dimensions) {
      for (const value of dimension.values ?? []) {
        const key = normalizeValue(value);
        const matches = index.get(key) ?? [];
        if (!matches.some((m) => m.table === entity.table && m.column === dimension.column)) matches.push({ table: entity.table, column: dimension.column, value });
        index.set(key, matches);
      }
    }
  }
  return (text) => {
    const direct = index.get(normalizeValue(text)) ?? [];
    const others = (options.alternatives?.(text) ?? []).flatMap((alt) => index.get(normalizeValue(alt)) ?? []);
    return [...direct, ...others.filter((m) => !direct.some((d) => d.table === m.table && d.column === m.column))];
  };
}
