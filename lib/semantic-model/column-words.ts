import { isUnitWord } from "./units";
import { nameWords, startsWithWords, uniquePhrases, type NameWords } from "./words/name-words";

/** A column's words, and the phrases a request may use for it. */
export type ColumnWords = NameWords & {
  /** "product name", then the written-out form, then without the entity's own words ("name"). */
  phrases: string[];
  /** The words after the entity's own ("order date" in orders → date); all of them otherwise. */
  rest: string[];
};

/**
 * The phrases of a column of an entity: `products.product_name` gives "product name" and
 * "name"; `customers.cust_no` gives "cust no", "customer number" and "number".
 */
export function columnWords(column: string, entityForms: string[][]): ColumnWords {
  const words = nameWords(column);
  const form = entityForms.find((f) => f.length < words.expanded.length && startsWithWords(words.expanded, f));
  const rest = form ? words.expanded.slice(form.length) : words.expanded;
  const withoutUnit = words.expanded.filter((w) => !isUnitWord(w));
  return {
    ...words,
    rest,
    phrases: uniquePhrases([
      words.written,
      words.expanded,
      form ? rest : undefined,
      withoutUnit.length > 0 ? withoutUnit : undefined,
    ]),
  };
}
