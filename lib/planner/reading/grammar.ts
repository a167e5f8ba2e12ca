import { COMPARISON_GRAMMAR } from "./grammar-comparisons";
import { EXISTENCE_GRAMMAR } from "./grammar-existence";
import { ruleBook } from "./grammar-rules";
import { REQUEST_VERBS } from "./verb-classes";
import { items, list, type Part } from "./parts";
import {
  count,
  counted,
  datedRelated,
  described,
  nonzero,
  flag,
  grain,
  largestPerGroup,
  ofEntity,
  totalCount,
  largest,
  listed,
  measure,
  moreValues,
  phraseOf,
  related,
  sense,
  show,
  sort,
  sortFirst,
  subject,
  superlative,
  time,
  top,
  values,
  valuesOf,
  verbOf,
  withGrainPhrase,
  withQualifiers,
  withWrittenValue,
} from "./phrase-parts";
import { averagePer, inUnit, share, sortFirstBy, unitWanted, valuesPerRow } from "./phrase-parts";
import { writtenValues } from "./written-values";
import { onlyMeasure } from "./build-filters";

/**
 * The grammar of requests, over grounded terminals (see ground.ts). Read a production as the
 * English it accepts; `?` marks a symbol that may be left out. Terminals: ENT entity, MEAS
 * measure, DIM dimension, TDIM time dimension, FLAG flag, VAL value, ROLE role noun, AGG
 * aggregate word, DISTINCT, SUPER superlative of quantity, NUM number, CMP comparison, UNIT
 * money word, TIME period, BUCKET calendar unit, RANK top/bottom N, ORDER ordering, VERB, PLAINV
 * a verb that only says a row came to be, REQ a verb asking for the table, SEP a comma or colon, BE, EACH, NAME; connectives REL, Q, WITH,
 * WITHA ("with a": what follows is a condition, never a column to show), ANDTHEIR an "and" before a
 * possessive ("customers and their total freight"), WITHBARE a "with" not
 * followed by a possessive ("with freight" may be a condition) and WITHTHEIR one that is ("with
 * their freight" asks for the column),
 * WITHOUT (also "excluding", "except", "leaving out"), GRAIN, BY, AND, OR, NAMING, PREP; MATCH and
 * PATTERN / INPATTERN text to find (text-match-terminals.ts), ONLY a closing or opening "only",
 * VMEAS a verb whose noun is a measure ("spent"), INCLUDED a negated clause after "including", FREQ
 * how often ("at least 3 times", "more than once").
 */
const { rules, r } = ruleBook();
/** The superlatives of "much", "many", "few" and "little": of how much there is, not of one row's amount. */
const QUANTITY_SUPERLATIVE = /\b(most|fewest|least)$/i;

// A request: an optional question word, a lead ("show me", "in 2024", "for each country,"), what
// is wanted, and what qualifies it.
r("S -> Q? Lead? SEP? Head Mods?", ([, lead, , head, mods]) => list(lead, head, mods));
// "… nobody has ever ordered? list them": a closing request verb (its pronoun is not a word read) asks for the same rows.
r("S -> Q? Lead? SEP? Head Mods? SEP? REQ", ([, lead, , head, mods, , v]) =>
  v.k === "word" || (v.k === "verb" && !v.chunk.negated) ? list(lead, head, mods) : undefined,
);
r("Lead -> TIME", ([t]) => time(t));
r("Lead -> NUM", ([n]) => (n.k === "number" ? { k: "top", edge: "top", count: n.value, phrase: n.phrase } : undefined));
// An imperative ("show me", "list", "give me", "find"): the verb asks for what follows.
r("Lead -> REQ", ([v]) => (v.k === "word" || (v.k === "verb" && !v.chunk.negated) ? list() : undefined));
// A fronted grain: "for every supplier country: the number of products".
r("Lead -> GRAIN GItems", ([g, gs]) => withGrainPhrase(gs, g));
r("Lead -> GRAIN GItems SEP? REQ", ([g, gs]) => withGrainPhrase(gs, g));
// "each customer's first order date", "every genre's track count": a fronted grain in the possessive.
r("Lead -> EACH GItem", ([e, g]) => (g.k === "grain" && g.entity ? withGrainPhrase(g, e) : undefined));

// "Join customers and orders on customer_id, calculate …", "combine customers with orders by customer_id",
// "customers joined to orders using customer_id": the request spells out the join (join-instructions.ts).
r("Lead -> Join SEP? AND? REQ?", ([j]) => j);
r("Lead -> Join SEP? AND? VERB", ([j, , , v]) =>
  v.k === "verb" && REQUEST_VERBS.has(v.lemma) && !v.chunk.negated ? j : undefined,
);
r("Mod -> Join");
// "orders.customer_id = customers.customer_id, total order amount per customer" (join-instructions.ts).
r("Lead -> JOINEQ SEP?", ([j]) => j);
// "all customers with their total order amount and number of orders": aggregates of each listed row, every row kept.
r("Mod -> WITH Measures", ([, ms]) => eachRowMeasures(ms));
r("Mod -> ANDTHEIR Measures", ([, ms]) => eachRowMeasures(ms));
r("Join -> JOIN ENT PAIR ENT KEYED KEY", (kids) => joinInstruction(kids[1], kids[3], kids[5], phraseOf(...kids)));
r("Join -> ENT JOIN PAIR ENT KEYED KEY", (kids) => joinInstruction(kids[0], kids[3], kids[5], phraseOf(...kids)));

// What is wanted: rows of an entity, measures, a count of an entity, a ranking, or the values of an attribute.
r("Head -> NP");
// "every track on the album …", "each customer with their email": every row listed.
r("Head -> EACH NP", ([, np]) => np);
// "who reports to Steven Buchanan?" (build-spec.ts reads whom from the relationship's verb).
r("Head -> Q", ([q]) => (q.k === "word" && q.word === "who" ? { k: "who", phrase: q.phrase } : undefined));
r("Head -> Measures");
r("Head -> ENT Attr", ([e, a]) => valuesPerRow(e, a));
r("Head -> RANK NP", ([rank, np]) => list(top(rank), np));
r("Head -> RANK GItem", ([rank, g]) => list(top(rank), g));
r("Head -> RANK Measure", ([rank, m]) => list(top(rank), m));
// "monthly revenue", "yearly order count": a calendar adjective is the grain of what it qualifies.
r("Head -> BUCKET Measures", ([b, ms]) => list(grain(b), ms));
// "the 3 largest orders", "the smallest payment".
r("Head -> NUM? SUPER NP", ([n, s, np]) => largest(n.k === "list" ? undefined : n, s, np));
// "countries with at least 3 customers", "which cities": a plural attribute noun lists its values.
r("Head -> DIM", ([d]) => listed(d));
// "share of revenue", "what % of orders got cancelled", "the share of 2025 revenue".
r("Head -> Share");
r("Share -> SHARE TIME? Aggregate PartOf?", ([w, t, a, c]) => share(w, a, items(c), t.k === "list" ? undefined : t));
r("Share -> SHARE TIME? NP PartOf?", ([w, t, np, c]) => share(w, np, items(c), t.k === "list" ? undefined : t));
// The conditions that pick the part: "(that) got cancelled", "made with gift cards", "from shipped orders".
r("PartOf -> Link? Vals", ([, v]) => v);
r("PartOf -> REL Vals", ([, v]) => v);
r("PartOf -> Link? FLAG", ([, f]) => flag(f));
// "…, revenue = quantity x price": a definition of a measure the request names (definitions.ts).
r("Mod -> DEF", ([d]) => (d.k === "word" ? { k: "defined", name: d.word, phrase: d.phrase } : undefined));
// "total paid per order in dollars": a unit apart from its measure (wanted-unit.ts).
// "converted to cents", "in dollars instead of cents" (the measures' own unit after "of" or "from").
r("Mod -> PREP UNIT", ([p, u]) => unitWanted(p, u));
r("Mod -> VERB PREP? UNIT", ([v, p, u]) => unitWanted(p, u, v));
r("Mod -> PREP UNIT PREP UNIT", ([p, u, p2, u2]) => unitWanted(p, u, undefined, { prep: p2, unit: u2 }));
// "in percent", "as a percentage".
r("Mod -> PREP? PERCENT", ([p, w]) =>
  w.k === "word" ? { k: "share-unit", percent: w.word === "percent", phrase: phraseOf(p, w) } : undefined,
);

r("NP -> ENT", ([e]) => subject(e));
r("NP -> Adj NP", ([adj, np]) => withQualifiers(np, items(adj)));
// "customers in Norway", "suppliers from Japan": a value after a preposition qualifies the noun right
// before it when that noun's rows hold it (build-filters.ts prefers this reading to a farther one).
r("NP -> ENT PREP Vals", ([e, p, v]) => {
  const np = subject(e);
  if (np?.k !== "subject" || v.k !== "values") return undefined;
  const own = v.meanings.filter((m) => m.entity.table === np.entity.table);
  if (own.length === 0) return undefined;
  const value: Part = { ...v, meanings: own, attached: true, phrase: phraseOf(p, v) };
  return { ...np, phrase: phraseOf(np, p, v), qualifiers: [...np.qualifiers, value] };
});
r("Adj -> Vals");
// "consumer segment orders", "consumer-segment orders": a value and then the column it is a value of.
r("Adj -> Vals Attr", ([v, a]) => valuesOf(a, v, phraseOf(v, a)));
r("Adj -> FLAG", ([f]) => flag(f));
r("Adj -> TIME", ([t]) => time(t));

r("Measures -> Measure");
r("Measures -> Measure SEP? AND Measures");
r("Measures -> Measure SEP Measures");
// "min, max and average order amount": several aggregates of one attribute.
r("Measures -> Aggs Attr", ([aggs, a]) => list(...items(aggs).map((agg) => measure(agg, a))));
r("Aggs -> AGG SEP? AND AGG", ([a, , , b]) => list(a, b));
r("Aggs -> AGG SEP Aggs", ([a, , rest]) => list(a, rest));
// "the total quantity sold", "the number of products supplied": the participle only describes.
// "average number of line items per order": a ratio of two aggregates, not a group (phrase-parts.ts).
r("Measure -> AGG Aggregate GRAIN ENT", ([agg, m, g, e]) => averagePer(agg, m, g, e));
r("Measure -> Aggregate PLAINV?", ([m, p]) => (p.k === "list" ? m : described(m, p)));
r("Aggregate -> AGG DISTINCT? Attr", ([agg, distinct, a]) => measure(agg, a, distinct));
r("Aggregate -> Attr AGG", ([a, agg]) => measure(agg, a));
r("Aggregate -> AGG DISTINCT? NP", ([agg, distinct, np]) => count(agg, np, distinct));
r("Aggregate -> ENT AGG", ([e, agg]) => count(agg, subject(e)!));
// "fine totals", "the loan average": an aggregate noun after an entity is of its one measure.
r("Aggregate -> ENT AGG", ([e, agg]) => ofEntity(agg, subject(e)!));
r("Aggregate -> Column", ([m]) => measure(undefined, m));
// "the highest unit price", "the lowest freight": a superlative of an amount is its maximum or
// minimum; a superlative of quantity ("the most units sold", "the fewest orders") is the largest
// or smallest total, a ranking (Mod -> SUPER Measure).
r("Aggregate -> SUPER Attr", ([s, a]) =>
  s.k === "super" && !QUANTITY_SUPERLATIVE.test(s.phrase) && sense(a)?.kind === "measure"
    ? measure({ k: "agg", fn: s.direction === "desc" ? "max" : "min", phrase: s.phrase }, a)
    : undefined,
);
// "total coupon payment amount": values before the measured noun say which rows are added up.
r("Aggregate -> AGG Vals Attr", ([agg, v, a]) => {
  const m = measure(agg, a);
  return m && list(m, v);
});
// "the date of their last order", "date of each customer's very first order": the earliest or
// latest of the rows' own date (date-extremes.ts).
r("Aggregate -> Column PREP AGG NP", ([a, p, agg, np]) => extremeOf(a, p, agg, np));
r("Aggregate -> Column PREP EACH GItem AGG NP", ([a, p, e, g, agg, np]) => {
  const m = extremeOf(a, p, agg, np);
  return m && g.k === "grain" && g.entity ? list(m, withGrainPhrase(g, e)) : undefined;
});
r("Aggregate -> AGG NP", ([agg, np]) => ofEntity(agg, np));
r("Aggregate -> AGG NP", ([agg, np]) => totalCount(agg, np));
r("Aggregate -> SUPER NP", ([s, np]) => largestPerGroup(s, np));

r("Attr -> Column");
// "the title of their album": an attribute and, after "of", the entity it belongs to.
r("Attr -> Column PREP ENT", ([a, p, e]) =>
  p.k === "word" && p.word === "of" && sense(e)?.entity === sense(a)?.entity
    ? ({ ...a, phrase: phraseOf(a, p, e) } as Part)
    : undefined,
);
// "length in minutes", "the total in dollars": a measure wanted in another unit.
r("Attr -> Column PREP UNIT", ([a, p, u]) => inUnit(a, p, u));
r("Attr -> Column VERB PREP? UNIT", ([a, v, p, u]) => inUnit(a, p, u, v));
r("Attr -> Column PREP UNIT PREP UNIT", ([a, p, u, p2, u2]) => inUnit(a, p, u, undefined, { prep: p2, unit: u2 }));
r("Column -> MEAS");
r("Column -> DIM");
r("Column -> TDIM");
r("Column -> ENT Column", ([e, a]) =>
  sense(e)?.entity === sense(a)?.entity ? ({ ...a, phrase: phraseOf(e, a) } as Part) : undefined,
);

r("Mods -> Mod Mods?");
r("Mods -> SEP Mods");
r("Mod -> TIME", ([t]) => time(t));
r("Mod -> PREP? TDIM TIME", ([, a, t]) => time(t, a));
r("Mod -> Link TIME", ([l, t]) => {
  const p = time(t);
  return p?.k === "filter-time" ? { ...p, afterVerb: verbOf(l) ?? "" } : p;
});
r("Mod -> Link TDIM TIME", ([, a, t]) => time(t, a));
// "who signed up in 2024": a verb that is a date's own word dates the period.
r("Mod -> REL TDIM TIME", ([, a, t]) => time(t, a));
r("Mod -> Link? Vals", ([l, v]) => (v.k === "values" ? { ...v, via: verbOf(l), phrase: phraseOf(l, v) } : undefined));
// "payments by bank transfer or gift card": "by" before stored values says how the rows came about, as "made by" does.
r("Mod -> BY Vals", ([by, v]) => (v.k === "values" ? { ...v, phrase: phraseOf(by, v) } : undefined));
// "that are shipped or completed": a relative clause of state values.
r("Mod -> REL Vals", ([rel, v]) => (v.k === "values" ? { ...v, phrase: phraseOf(rel, v) } : undefined));
// "whose country is Canada", "where the status is shipped".
r("Mod -> REL Attr BE Vals", ([rel, a, be, v]) => valuesOf(a, v, phraseOf(rel, a, be, v)));
// "where country is Germany", "whose city is 'Sao Paulo'", "where status in ('shipped', 'returned')": values
// written after their column are read as written, where the value index does not hold them (written-values.ts).
r("Mod -> REL Attr BE Lits", ([rel, a, be, v]) => writtenValues(a, items(v), phraseOf(rel, a, be, v)));
r("Mod -> REL Attr PREP Lits", ([rel, a, p, v]) =>
  p.k === "word" && p.word === "in" ? writtenValues(a, items(v), phraseOf(rel, a, p, v)) : undefined,
);
// "where status = 'returned'", "where status is shipped" (the copula read with the participle as one verb group).
r("Mod -> REL Attr CMP Lits", ([rel, a, c, v]) =>
  c.k === "compare" && c.chunk.operator === "=" && c.chunk.quantity === undefined
    ? writtenValues(a, items(v), phraseOf(rel, a, c, v))
    : undefined,
);
r("Mod -> REL Attr Vals", ([rel, a, v]) => valuesOf(a, v, phraseOf(rel, a, v)));
// "orders with status shipped", "customers with country Germany": a column and then its value.
r("Mod -> WITH Attr Lits", ([w, a, v]) => writtenValues(a, items(v), phraseOf(w, a, v)));
// "whose first name starts with J", "with a name containing 'Rock'", "that end in 'son'", "with lamp
// in the name": text found in a column; with no column named, in the rows' label.
r("Mod -> REL Attr MATCH PATTERN", ([rel, a, m, t]) => textMatch(a, m, t, phraseOf(rel, a, m, t)));
r("Mod -> Link? Attr MATCH PATTERN", ([l, a, m, t]) => textMatch(a, m, t, phraseOf(l, a, m, t)));
r("Mod -> WITHA Attr MATCH PATTERN", ([w, a, m, t]) => textMatch(a, m, t, phraseOf(w, a, m, t)));
r("Mod -> REL? MATCH PATTERN", ([rel, m, t]) => textMatch(undefined, m, t, phraseOf(rel, m, t)));
r("Mod -> WITH? INPATTERN Attr", ([w, t, a]) =>
  t.k === "literal" ? textMatch(a, { k: "match", op: "contains", phrase: "" }, t, phraseOf(w, t, a)) : undefined,
);
r("Lits -> Lit");
r("Lits -> Lit SEP? OR Lits", ([l, , , rest]) => list(l, rest));
r("Lits -> Lit SEP Lits", ([l, , rest]) => list(l, rest));
r("Lit -> LIT");
r("Lit -> VAL");
r("Mod -> Link? FLAG", ([, f]) => flag(f));
// "order items with a discount": a row with an amount has more than none of it.
r("Mod -> WITHBARE Column", ([w, a]) => nonzero(a, w));
r("Mod -> WITHA Column", ([w, a]) => nonzero(a, w));
r("Mod -> Cmp");
r("Mod -> GRAIN GItems", ([g, gs]) => withGrainPhrase(gs, g));
r("Mod -> BY GItems", ([g, gs]) => withGrainPhrase(gs, g));
// "in each genre", "came in each week", "did each employee handle", "each customer got".
r("Mod -> Link? EACH GItem", ([, g, gi]) => withGrainPhrase(gi, g));
r("Mod -> BE? EACH GItem Verb", ([, g, gi]) => withGrainPhrase(gi, g));
// "how many territories does each employee cover": a verb between two entities is their relationship, as in
// "employees who cover territories" (a verb naming a stored state, "cancel", is never read so: see guardValueVerbs).
r("Mod -> BE? EACH GItem VERB", ([, g, gi]) =>
  gi.k === "grain" && gi.entity && !gi.attr ? withGrainPhrase(gi, g) : undefined,
);
// The verb of a question about the subject: "how many orders did we get", "does one have".
r("Mod -> BE Verb", () => list());
// "how many customers are there": the existential verb adds nothing.
r("Mod -> BE", () => list());
// "countries with at least 3 customers, and how many": the elided noun is the one counted.
r("Mod -> SEP? AND AGG", ([, and, agg]) =>
  agg.k === "agg" && agg.fn === "count" ? { k: "recount", phrase: phraseOf(and, agg) } : undefined,
);
r("Verb -> PLAINV");
r("Verb -> BE");
// "revenue monthly": a calendar adverb; a calendar noun alone ("year") belongs to the phrase before it.
r("Mod -> BUCKET", ([b]) => (b.k === "bucket" && /ly$|annual/i.test(b.phrase) ? grain(b) : undefined));
r("Mod -> BY Measure", ([by, m]) => ({ k: "top", edge: "top", count: 0, by: m, phrase: phraseOf(by, m) }));
// "has the most tracks", "with the fewest orders", "brought in the most revenue".
// "the most distinct buyers": a count of rows of another table is of distinct rows either way.
r("Mod -> Link? SUPER DISTINCT? NP", ([l, s, d, np]) => superlative(s, counted(np, d), l.k === "list" ? undefined : l));
r("Mod -> Link? SUPER Measure", ([l, s, m]) => superlative(s, m, l.k === "list" ? undefined : l));
r("Mod -> BE SUPER DISTINCT? NP", ([be, s, d, np]) => superlative(s, counted(np, d), be));
r("Mod -> BE SUPER Measure", ([be, s, m]) => superlative(s, m, be));
r("Mod -> PREP NAME", ([p, name]) =>
  p.k === "word" && p.word === "into" && name.k === "name"
    ? { k: "target", name: name.name, phrase: phraseOf(p, name) }
    : undefined,
);
r("Mod -> NAMING NAME", ([n, name]) =>
  name.k === "name" ? { k: "rename", name: name.name, phrase: phraseOf(n, name) } : undefined,
);
r("Mod -> ORDER", ([o]) => sort(o));
// "sorted by amount", "ordered by price descending", "largest amount first".
r("Mod -> ORDER Attr ORDER?", ([o, a, then]) => sort(o, a, then.k === "list" ? undefined : then));
r("Mod -> SUPER Attr ORDER", ([s, a, o]) => sortFirst(s, a, o));
r("Mod -> SUPER ORDER", ([s, o]) => sortFirstBy(s, o));
r("Mod -> Show");
r("Mod -> Link NP", ([l, np]) => related(np, l));
// "…, completed orders only": the rows the request is restricted to, named after it; a closing
// "only" after anything else adds nothing ("shipped orders only").
r("Mod -> SEP NP ONLY", ([sep, np]) => related(np, sep));
r("Mod -> SEP Vals ONLY", ([, v]) => (v.k === "values" ? v : undefined));
r("Mod -> ONLY", () => list());
// "…, only customers from Canada": the rows named, and their own values, restrict the request.
r("Mod -> SEP ONLY NP Link? Vals", ([sep, , np, l, v]) =>
  np.k === "subject" && v.k === "values" && v.meanings.every((m) => m.entity.table === np.entity.table)
    ? list(related(np, sep), { ...v, phrase: phraseOf(np, l, v) })
    : undefined,
);
// "…, only products that list for more than 300", "…, only orders over 100": a condition on the
// rows named, which restricts the request to them.
r("Mod -> SEP ONLY NP Mod", ([sep, , np, mod]) => {
  if (np.k !== "subject") return undefined;
  // An amount with no column ("over 100", "that list for more than 300") is of the rows just named.
  const priced = mod.k === "filter-compare" && !mod.attr ? onlyMeasure(np.entity, mod.unit) : undefined;
  // "with more than 300 pages" is held by the rows just named, which it was checked against here.
  const condition = mod.k === "filter-compare" ? { ...mod, attr: mod.attr ?? priced, own: false } : mod;
  const own =
    (condition.k === "filter-compare" && condition.attr?.entity.table === np.entity.table) ||
    (condition.k === "missing" && condition.meaning.entity.table === np.entity.table);
  return own ? list(related(np, sep), { ...condition, phrase: phraseOf(np, mod) }) : undefined;
});
// "all customers with their number of orders, including customers without orders" (or "who never
// ordered"): the rows with none stay; build-spec.ts reads it only where the table keeps them anyway.
r("Mod -> SEP? Link NP REL? INCLUDED", ([sep, l, np, rel, absent]) =>
  /^includ/i.test(phraseOf(l)) && np.k === "subject" && absent.k === "related-rows" && absent.negated
    ? { k: "keep-every", entity: np.entity, phrase: phraseOf(sep, l, np, rel, absent) }
    : undefined,
);
r("Mod -> Link NP TIME", ([l, np, t]) => datedRelated(np, l, t));
// "reporting to Nancy Edwards": a row named by its label's values, after a relationship's verb.
r("Mod -> Link NamedRow", ([l, n]) =>
  n.k === "named-row" ? { ...n, via: verbOf(l), phrase: phraseOf(l, n) } : undefined,
);
r("NamedRow -> VAL VAL", ([a, b]) => namedRow(a, b));

r("Link -> VERB PREP?");
r("Link -> REL VERB PREP?", ([, v, p]) => list(v, p));
r("Link -> REL BE PREP?", ([, , p]) => p);
r("Link -> BE PREP", ([, p]) => p);
r("Link -> PREP");
r("Link -> WITH");
r("Link -> WITHA");

r("Show -> WITH Attrs", ([, a]) => show(a));
// "with their unit price": a measure of the row's own, shown as it is.
r("Show -> WITHTHEIR Attrs", ([, a]) => show(a, true));
// "the 3 longest Classical tracks, length in minutes", "bottom 3 categories by units sold (category
// name)": after a comma or in brackets, a measure in a unit or an attribute that is no amount is a
// column to show (a bare amount there may be what the rows are ranked or compared by).
r("Show -> SEP Attr", ([, a]) => {
  const m = sense(a);
  return (m?.kind === "measure" && m.as) || m?.kind === "dimension" || m?.kind === "time" ? show(a) : undefined;
});
r("Show -> AND Attrs", ([, a]) => show(a));
// "… need first + last name", "I want the email too": a request verb later on asks for columns.
r("Show -> REQ Attrs", ([, a]) => show(a, true));
r("Attrs -> Attr");
r("Attrs -> Attr SEP? AND Attrs");
r("Attrs -> Attr SEP Attrs");

r("Vals -> VAL", ([v]) => values([v]));
// "the album 'Let There Be Rock'": a table's noun and a value written out, of its one label column.
r("Vals -> ENT LIT", ([e, l]) => labelValue(e, l));
r("Vals -> VAL Vals", ([v, rest]) => moreValues(v, rest));
r("Vals -> VAL SEP? OR Vals", ([v, , , rest]) => moreValues(v, rest));
r("Vals -> VAL SEP? AND Vals", ([v, , , rest]) => moreValues(v, rest));
r("Vals -> VAL SEP Vals", ([v, , rest]) => moreValues(v, rest));
// "in Lisbon or Porto": a value written beside a stored one is another value of the same column,
// even one no row holds yet (the plan says so).
r("Vals -> VAL SEP? OR LIT", ([v, , , l]) => withWrittenValue(v, l));
r("Vals -> LIT SEP? OR VAL", ([l, , , v]) => withWrittenValue(v, l, true));

r("GItems -> GItem");
r("GItems -> GItem SEP? AND GItems");
r("GItems -> GItem SEP GItems");
r("GItem -> Attr", ([a]) => grain(a));
r("GItem -> ENT", ([e]) => grain(e));
r("GItem -> ROLE", ([e]) => grain(e));
r("GItem -> BUCKET", ([b]) => grain(b));
r("GItem -> ENT BUCKET", ([e, b]) => grain(b, e));
r("GItem -> TDIM BUCKET", ([t, b]) => grain(b, t));

export const GRAMMAR = [...rules, ...COMPARISON_GRAMMAR, ...EXISTENCE_GRAMMAR];

function joinInstruction(a: Part, b: Part, key: Part, phrase: string): Part | undefined {
  const [left, right] = [a, b].map((p) => {
    const m = sense(p);
    return m?.kind === "entity" ? m.entity : undefined;
  });
  return left && right && key.k === "name" ? { k: "join-instruction", left, right, key: key.name, phrase } : undefined;
}

function labelValue(e: Part, l: Part): Part | undefined {
  const m = sense(e);
  if (m?.kind !== "entity" || l.k !== "literal" || m.entity.label.length !== 1) return undefined;
  const [column] = m.entity.label;
  const dimension = m.entity.dimensions.find((d) => d.column === column);
  return dimension
    ? writtenValues(
        { k: "sense", meaning: { kind: "dimension", entity: m.entity, dimension }, phrase: "" },
        [l],
        phraseOf(e, l),
      )
    : undefined;
}

function namedRow(a: Part, b: Part): Part | undefined {
  const [first, last] = [sense(a), sense(b)];
  if (first?.kind !== "value" || last?.kind !== "value" || first.entity !== last.entity) return undefined;
  const { label } = first.entity;
  return label.length === 2 && label[0] === first.column && label[1] === last.column
    ? { k: "named-row", meanings: [first, last], phrase: phraseOf(a, b) }
    : undefined;
}

function textMatch(a: Part | undefined, m: Part, t: Part, phrase: string): Part | undefined {
  const attr = a && sense(a);
  if (m.k !== "match" || t.k !== "literal" || (a && attr?.kind !== "dimension")) return undefined;
  return { k: "text-match", ...(attr ? { attr } : {}), op: m.op, text: t.text, phrase };
}

/** Aggregates of each listed row, every row kept ("with their total order amount and number of orders"). */
function eachRowMeasures(ms: Part): Part | undefined {
  // The words that join the measures ("and", a comma) are not measures.
  const each = items(ms).filter((m) => m.k !== "word");
  return each.every((m) => (m.k === "measure" && m.fn) || (m.k === "count" && m.qualifiers.length === 0))
    ? list(...each.map((m) => ({ ...m, ofEach: true }) as Part))
    : undefined;
}

function extremeOf(a: Part, p: Part, agg: Part, np: Part): Part | undefined {
  const date = sense(a);
  const ofRows = p.k === "word" && p.word === "of" && np.k === "subject" && np.qualifiers.length === 0;
  return ofRows && date?.kind === "time" && date.entity === np.entity && agg.k === "agg" ? measure(agg, a) : undefined;
}
