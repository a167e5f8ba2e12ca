import type { EntityNames } from "./entity-names";
import { phrase } from "./words/name-words";

// Head nouns that make a table the lines of another ("order details", "invoice line", "order items").
const LINE_HEADS = new Set(["line", "item", "detail"]);
// Bare heads that still name the lines on their own: "orders with more than 5 lines". A bare
// "detail" does not ("customer details" asks for a customer's columns).
const BARE_HEADS = new Set(["line", "item"]);

/** More names of a table whose rows are the lines of another table's rows. */
export type LineNames = { words: string[]; synonyms: string[] };

/**
 * The names a table of lines answers to: a table named "<parent> line|item|detail" with a
 * foreign key to the parent's table is that parent's lines, which English calls "line items",
 * "<parent> lines" and "<parent> items" whatever the table's own word; its bare head ("lines",
 * "items") is a weaker name. Empty for any other table (`product_lines` points at no product).
 */
export function lineItemNames(names: EntityNames, parents: EntityNames[]): LineNames {
  const parentForms = parents.flatMap((p) => p.forms.map(phrase));
  for (const form of names.forms) {
    const head = form[form.length - 1];
    const modifier = phrase(form.slice(0, -1));
    if (form.length < 2 || !LINE_HEADS.has(head) || !parentForms.includes(modifier)) continue;
    const own = new Set([names.name, ...names.words]);
    const words = [`${modifier} line`, `${modifier} item`, "line item", `${modifier} line item`].filter((w) => !own.has(w));
    const synonyms = [...BARE_HEADS].filter((h) => h === head || h === "line");
    return { words, synonyms };
  }
  return { words: [], synonyms: [] };
}
