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
 * "items") is a weaker name. `names` are the table's singular phrases ("order detail"),
 * `parents` those of the tables it points at. Empty for any other table (`product_lines` is
 * pointed at by products, not the other way).
 */
export function lineItemNames(names: string[], parents: string[]): LineNames {
  for (const name of names) {
    const words = name.split(" ");
    const head = words[words.length - 1];
    const modifier = words.slice(0, -1).join(" ");
    if (words.length < 2 || !LINE_HEADS.has(head) || !parents.includes(modifier)) continue;
    return {
      words: [`${modifier} line`, `${modifier} item`, "line item", `${modifier} line item`].filter(
        (w) => !names.includes(w),
      ),
      synonyms: [...BARE_HEADS].filter((h) => h === head || h === "line"),
    };
  }
  return { words: [], synonyms: [] };
}
