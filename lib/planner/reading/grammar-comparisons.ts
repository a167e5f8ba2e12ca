import type { Unit } from "@/lib/semantic-model/model-schema";
import { ruleBook } from "./grammar-rules";
import type { Part } from "./parts";
import { compare, comparedColumns, count, equals, having, measure, phraseOf, sense, tookLonger } from "./phrase-parts";
import { PRICE_VERBS } from "./verb-classes";

/**
 * The grammar of comparisons, part of the request grammar (grammar.ts, where `Cmp` is a modifier):
 * on a column, on an aggregate, on a count of related rows, between two columns of a row, and
 * on the time between two of its dates.
 */
const { rules, r } = ruleBook();

// Comparisons in any position: on a column ("freight over 100", "with a price of more than
// 50", "priced between"), on an aggregate ("whose total spend is over 1000" → HAVING), on a
// count ("with more than 5 line items", "3 or more orders").
r("Cmp -> CmpWords UNIT?", ([c, u]) => compare(undefined, c, u));
// "orders of at least 1000", "payments of over $20": what the rows are worth, after "of".
r("Cmp -> PREP CmpWords UNIT?", ([p, c, u]) =>
  p.k === "word" && p.word === "of" ? compare(undefined, c, u) : undefined,
);
r("Cmp -> Link? Attr BE? CmpWords UNIT?", ([, a, , c, u]) => compare(a, c, u));
r("Cmp -> REL Measure BE? CmpWords UNIT?", ([, m, , c, u]) => having(m, c, undefined, u));
// "customers who spent more than $50 in total": "in total" after the amount adds the rows up.
r("Cmp -> REL VMEAS CmpWords UNIT? AGG", ([rel, a, c, u, agg]) => spentInTotal(rel, a, c, u, agg));
// "where freight was over 100", "whose price is above 20".
r("Cmp -> REL Attr BE? CmpWords UNIT?", ([, a, , c, u]) => compare(a, c, u));
// "with more than 30 orders": a count of related rows. After a verb ("who placed at least 3
// orders") a count of related rows is the existence grammar's (grammar-existence.ts).
r("Cmp -> WITH CmpWords NP", ([w, c, np]) =>
  having(count({ k: "agg", fn: "count", phrase: "" }, np)!, c, phraseOf(w, c, np)),
);
// "products with fewer than 1000 units in stock": the quantity before a measure of the rows is its value.
r("Cmp -> WITH CmpWords Attr", ([w, c, a]) => {
  const m = sense(a);
  const p = m?.kind === "measure" && !m.as ? compare(a, c) : undefined;
  return p?.k === "filter-compare" ? { ...p, own: true, phrase: phraseOf(w, c, a) } : undefined;
});
// "split across more than one payment method": a count of an attribute's different values.
r("Cmp -> Link CmpWords Attr", ([w, c, a]) =>
  w.k === "word" || isExistence(c)
    ? undefined
    : having(measure({ k: "agg", fn: "count", distinct: true, phrase: "" }, a)!, c, phraseOf(w, c, a)),
);
r("Cmp -> REL BE? CmpWords", ([, , c]) => compare(undefined, c));
// "priced at 1.99", "a quantity of 12": a measure and a bare number state its value.
r("Cmp -> Attr PREP? NUM", ([a, p, n]) => equals(a, n, p));
// "that cost less than 10 dollars": a verb of price and an amount of money compare the rows' one money column.
r("Cmp -> REL? VERB PREP? CmpWords UNIT", ([, v, , c, u]) =>
  v.k === "verb" && PRICE_VERBS.has(v.lemma) && u.k === "word" ? priced(compare(undefined, c, u)) : undefined,
);
// "products that list for more than 300": "for" after a verb of price says the amount is a price.
r("Cmp -> REL? VERB PREP? CmpWords", ([, v, p, c]) => {
  if (v.k !== "verb" || !PRICE_VERBS.has(v.lemma)) return undefined;
  const last = p.k === "word" ? p.word : v.phrase.toLowerCase().split(/\s+/).pop();
  return last === "for" ? priced(compare(undefined, c), "currency") : undefined;
});
r("CmpWords -> CMP");
// "units in stock is below the reorder level", "unit price higher than list price": two columns of the rows compared.
r("Cmp -> REL? Attr BE? PREP Attr", ([, a, , p, b]) => comparedColumns(a, p, b));
r("Cmp -> REL? Attr BE? CMP Attr", ([, a, , c, b]) => comparedColumns(a, c, b));
// "orders that shipped after their required date": the verb names the first date, its particle the direction.
r("Cmp -> REL? TDIM TDIM", ([, a, b]) =>
  a.k === "sense" ? comparedColumns(a, a.phrase.toLowerCase().split(/\s+/).pop() ?? "", b) : undefined,
);
// "orders that took more than 3 days to ship": from the row's own date to the date the verb names.
r("Cmp -> REL? VERB CmpWords BUCKET TDIM", ([, v, c, b, t]) => tookLonger(v, c, b, t));

export const COMPARISON_GRAMMAR = rules;

/**
 * A comparison a verb of price makes: it is on the price of the rows the request lists, in money
 * (`unit`) when no unit is written.
 */
function priced(p: Part | undefined, unit?: Unit): Part | undefined {
  return p?.k === "filter-compare"
    ? { ...p, price: true, ...(p.unit || unit ? { unit: p.unit ?? unit } : {}) }
    : undefined;
}

function spentInTotal(rel: Part, a: Part, c: Part, u: Part, agg: Part): Part | undefined {
  return agg.k === "agg" && agg.fn === "sum" && /^in\s+total$/i.test(agg.phrase)
    ? having(measure(agg, a)!, c, phraseOf(rel, a, c, u, agg), u)
    : undefined;
}

function isExistence(c: Part): boolean {
  return (
    c.k === "compare" &&
    ((c.chunk.operator === ">=" && c.chunk.quantity?.value === 1) ||
      (c.chunk.operator === ">" && c.chunk.quantity?.value === 0))
  );
}
