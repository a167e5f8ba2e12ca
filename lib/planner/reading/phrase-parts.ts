import pluralize from "pluralize";
import type { ComparisonPhrase } from "@/lib/planner/english";
import { items, list, type Part } from "./parts";
import type { Unit } from "@/lib/semantic-model/model-schema";
import type { Meaning } from "./senses";
import { defaultTime } from "./build-sources";
import { elapsed, type Formula } from "./formula";

/**
 * What the grammar's productions build: each function takes the parts of a phrase and returns
 * the part the phrase means, or `undefined` when the words cannot mean it (the derivation is
 * dropped). Every built part keeps the words it was read from.
 */
export const sense = (p: Part): Meaning | undefined =>
  p.k === "sense" ? p.meaning : p.k === "measure" ? p.target : undefined;
export const phraseOf = (...parts: Part[]): string =>
  parts
    .flatMap((p) => (p.k === "list" ? p.parts.map((q): string => phraseOf(q)) : "phrase" in p ? [p.phrase] : []))
    .filter(Boolean)
    .join(" ");
export const verbOf = (l: Part): string | undefined =>
  items(l).find((p) => p.k === "verb")?.lemma as string | undefined;

export function subject(e: Part): Part | undefined {
  const m = sense(e);
  return m?.kind === "entity" ? { k: "subject", entity: m.entity, phrase: phraseOf(e), qualifiers: [] } : undefined;
}
/**
 * "invoice totals", "track lengths in minutes": an entity's own measure in the plural is its value
 * on each row, listed beside the row, not one total.
 */
export function valuesPerRow(e: Part, a: Part): Part | undefined {
  const np = subject(e);
  const m = sense(a);
  if (np?.k !== "subject" || m?.kind !== "measure" || m.entity !== np.entity) return undefined;
  const noun = phraseOf(a).split(/\s+/).pop() ?? "";
  if (!pluralize.isPlural(noun) || pluralize.isSingular(noun)) return undefined;
  return list(np, { k: "show", meaning: m, phrase: phraseOf(a) });
}
export function withQualifiers(np: Part, qualifiers: Part[]): Part | undefined {
  return np.k === "subject"
    ? { ...np, phrase: phraseOf(...qualifiers, np), qualifiers: [...qualifiers, ...np.qualifiers] }
    : undefined;
}
export function measure(agg: Part | undefined, a: Part, distinct?: Part): Part | undefined {
  const target = sense(a);
  if (!target || (agg && agg.k !== "agg")) return undefined;
  // "the number of loans" counts loans, never the dates a date column is named after.
  if (agg?.k === "agg" && agg.fn === "count" && target.kind === "time") return undefined;
  const fn =
    agg?.k === "agg"
      ? agg.fn === "count" && (distinct?.k === "word" || agg.distinct)
        ? "count_distinct"
        : agg.fn
      : undefined;
  return {
    k: "measure",
    fn,
    target,
    phrase: phraseOf(...[agg, distinct, a].filter((p): p is Part => !!p && p.k !== "list")),
  };
}
export function count(agg: Part, np: Part | undefined, distinct?: Part): Part | undefined {
  if (!np || np.k !== "subject" || agg.k !== "agg" || (agg.fn !== "count" && agg.fn !== "sum")) return undefined;
  if (agg.fn === "sum" && agg.phrase.toLowerCase() !== "how many") return undefined;
  return {
    k: "count",
    entity: np.entity,
    distinct: distinct?.k === "word" || !!agg.distinct,
    phrase: phraseOf(agg, np),
    qualifiers: np.qualifiers,
  };
}
/**
 * "the average order", "the largest payment": an aggregate of an entity is of its one measure.
 * "total orders" also counts them ("total orders: 57"); both readings are kept and, building
 * different tables, are asked about.
 */
export function totalCount(agg: Part, np: Part): Part | undefined {
  if (
    agg.k !== "agg" ||
    agg.phrase.toLowerCase() !== "total" ||
    np.k !== "subject" ||
    pluralize.isSingular(np.phrase.split(/\s+/).pop() ?? "")
  )
    return undefined;
  return { k: "count", entity: np.entity, distinct: false, phrase: phraseOf(agg, np), qualifiers: np.qualifiers };
}
/** "the biggest order each customer placed": per group, a superlative of rows is their largest amount. */
export function largestPerGroup(word: Part, np: Part): Part | undefined {
  if (word.k !== "super" || word.of || word.property || np.k !== "subject" || np.entity.measures.length !== 1)
    return undefined;
  return {
    k: "measure",
    fn: word.direction === "desc" ? "max" : "min",
    target: { kind: "measure", entity: np.entity, measure: np.entity.measures[0] },
    phrase: phraseOf(word, np),
    perGroup: true,
  };
}
export function ofEntity(agg: Part, np: Part): Part | undefined {
  if (
    agg.k !== "agg" ||
    agg.fn === "count" ||
    agg.fn === "count_distinct" ||
    agg.phrase.toLowerCase() === "how many" ||
    np.k !== "subject" ||
    np.entity.measures.length !== 1
  )
    return undefined;
  return {
    k: "measure",
    fn: agg.fn,
    target: { kind: "measure", entity: np.entity, measure: np.entity.measures[0] },
    phrase: phraseOf(agg, np),
  };
}
/** "the number of orders" without its aggregate word: what "the most orders" counts. */
export function counted(np: Part, distinct?: Part): Part | undefined {
  return np.k === "subject"
    ? {
        k: "count",
        entity: np.entity,
        distinct: distinct?.k === "word",
        phrase: phraseOf(distinct ?? list(), np),
        qualifiers: np.qualifiers,
      }
    : undefined;
}
export function top(rank: Part): Part | undefined {
  return rank.k === "rank"
    ? { k: "top", edge: rank.chunk.edge, count: rank.chunk.count ?? 0, phrase: rank.phrase }
    : undefined;
}
/**
 * "the most tracks", "the fewest orders", "the most revenue": a superlative of quantity ranks the
 * rows by what follows and keeps the first; how many it keeps is the number of the noun it
 * qualifies ("which genre" one, "which genres" unknown), settled when the reading is built.
 */
export function superlative(word: Part, by: Part | undefined, link?: Part): Part | undefined {
  if (word.k !== "super" || word.of || !by || (by.k !== "count" && by.k !== "measure")) return undefined;
  // "the most recent orders" ranks by a date, never by how many orders there are.
  if (word.property && by.k === "count") return undefined;
  if (by.k === "measure" && !by.fn && by.target.kind !== "measure") return undefined;
  return {
    k: "top",
    edge: word.direction === "desc" ? "top" : "bottom",
    count: 0,
    by,
    bySubjectNumber: true,
    phrase: phraseOf(...(link ? [link] : []), word, by),
  };
}
/** "the 3 largest orders": a superlative of size ranks an entity by its one measure. */
export function largest(n: Part | undefined, word: Part, np: Part): Part | undefined {
  if (word.k !== "super" || np.k !== "subject" || (n && n.k !== "number")) return undefined;
  // "the 3 heaviest products": an adjective of a property ranks by the listed rows' column that has it.
  if (word.property && word.column?.entity !== np.entity) return undefined;
  // "the least popular product (by quantity)": the measure comes from "by"; "the 5 cheapest products": the money column.
  const own: Partial<Extract<Part, { k: "top" }>> = word.column
    ? { by: { k: "measure", target: word.column, phrase: word.phrase } }
    : word.of === "named"
      ? {}
      : { byOwnMeasure: word.of === "money" ? ("money" as const) : true };
  const rank: Part = {
    k: "top",
    edge: word.direction === "desc" ? "top" : "bottom",
    count: n?.k === "number" ? n.value : 0,
    ...own,
    bySubjectNumber: !n,
    phrase: phraseOf(...(n ? [n] : []), word),
  };
  return list(rank, np);
}
export function time(t: Part, a?: Part): Part | undefined {
  return t.k === "time"
    ? { k: "filter-time", expr: t.expr, attr: a && sense(a), phrase: phraseOf(...(a ? [a] : []), t) }
    : undefined;
}
export function flag(f: Part): Part | undefined {
  const m = sense(f);
  return m?.kind === "flag" ? { k: "flag", meaning: m, phrase: phraseOf(f) } : undefined;
}
export function values(vs: Part[], phrase?: string): Part | undefined {
  const meanings = vs.map(sense).filter((m): m is Extract<Meaning, { kind: "value" }> => m?.kind === "value");
  if (
    meanings.length !== vs.length ||
    meanings.some((m) => m.entity !== meanings[0].entity || m.column !== meanings[0].column)
  )
    return undefined;
  return { k: "values", meanings, phrase: phrase ?? phraseOf(...vs) };
}
export function moreValues(v: Part, rest: Part): Part | undefined {
  return values(
    [v, ...(rest.k === "values" ? rest.meanings.map((m) => ({ k: "sense", meaning: m, phrase: "" }) as Part) : [])],
    phraseOf(v, rest),
  );
}
/** "Lisbon or Porto": a written value beside a stored one, read as a value of the same column. */
export function withWrittenValue(v: Part, literal: Part, first = false): Part | undefined {
  const m = sense(v);
  if (m?.kind !== "value" || literal.k !== "literal") return undefined;
  const written = { ...m, value: literal.text };
  return values(
    (first ? [written, m] : [m, written]).map((meaning) => ({ k: "sense", meaning, phrase: "" }) as Part),
    first ? phraseOf(literal, v) : phraseOf(v, literal),
  );
}
/** "whose country is Canada": the values must be values of the attribute named. */
export function valuesOf(a: Part, v: Part, phrase: string): Part | undefined {
  const attr = sense(a);
  if (v.k !== "values" || !attr || attr.kind !== "dimension") return undefined;
  const m = v.meanings[0];
  return m.entity === attr.entity && m.column === attr.dimension.column ? { ...v, phrase } : undefined;
}
/**
 * The unit a comparison's quantity is said in: a unit word after it ("over 50 dollars") or the
 * symbol written with it ("over $50", "above 20%").
 */
function quantityUnit(chunk: ComparisonPhrase, unit?: Part): Unit | undefined {
  if (unit?.k === "word") return unit.word as Unit;
  return chunk.quantity?.unit;
}
export function compare(a: Part | undefined, c: Part, unit?: Part): Part | undefined {
  const chunk = c.k === "compare" ? c.chunk : undefined;
  if (!chunk || chunk.quantity === undefined) return undefined;
  if (a && c.k === "compare" && c.attr) return undefined;
  const attr = a ? sense(a) : c.k === "compare" ? c.attr : undefined;
  if (a && (!attr || (a.k === "measure" && a.fn))) return a.k === "measure" ? having(a, c, undefined, unit) : undefined;
  const said = quantityUnit(chunk, unit);
  return {
    k: "filter-compare",
    attr,
    chunk,
    phrase: phraseOf(...(a ? [a] : []), c, ...(unit && unit.k !== "list" ? [unit] : [])),
    ...(said ? { unit: said } : {}),
  };
}
export function equals(a: Part, n: Part, prep: Part): Part | undefined {
  const attr = sense(a);
  if (
    n.k !== "number" ||
    !/^[\d.,]+$/.test(n.phrase) ||
    attr?.kind !== "measure" ||
    (prep.k === "word" && prep.word !== "at" && prep.word !== "of")
  )
    return undefined;
  const phrase = phraseOf(a, prep, n);
  const chunk: ComparisonPhrase = {
    kind: "comparison",
    operator: "=",
    quantity: { value: n.value, written: "digits" },
    tokens: { start: 0, end: 0 },
    span: { start: 0, end: 0 },
    text: phrase,
  };
  return { k: "filter-compare", attr, chunk, phrase };
}
/**
 * "orders that took more than 3 days to ship", "a week to ship": how long the row took, from its
 * own date to the date the verb names, in whole days (only days and weeks are a fixed number of days).
 */
export function tookLonger(v: Part, c: Part, b: Part, t: Part): Part | undefined {
  const end = sense(t);
  if (
    v.k !== "verb" ||
    v.lemma !== "take" ||
    c.k !== "compare" ||
    !c.chunk.quantity ||
    b.k !== "bucket" ||
    (b.bucket !== "day" && b.bucket !== "week") ||
    end?.kind !== "time"
  )
    return undefined;
  const start = defaultTime(end.entity);
  if (!start || start.column === end.time.column) return undefined;
  const days = b.bucket === "week" ? 7 : 1;
  const scale = (n: NonNullable<ComparisonPhrase["quantity"]>) => ({ ...n, value: n.value * days });
  const chunk: ComparisonPhrase = {
    ...c.chunk,
    quantity: scale(c.chunk.quantity),
    ...(c.chunk.upper ? { upper: scale(c.chunk.upper) } : {}),
  };
  const formula = elapsed(end.time, start);
  return {
    k: "filter-compare",
    attr: { kind: "formula", entity: end.entity, formula, phrase: phraseOf(v, b, t) },
    chunk,
    phrase: phraseOf(v, c, b, t),
  };
}
/**
 * "average number of line items per order", "average revenue per customer by country": an
 * average over the rows of `per` of what each adds up, the ratio of the two aggregates (so each
 * `per` row counts once, whatever other group it falls in).
 */
export function averagePer(agg: Part, of: Part, grain: Part, per: Part): Part | undefined {
  const entity = sense(per);
  if (agg.k !== "agg" || agg.fn !== "avg" || entity?.kind !== "entity" || grain.k !== "word") return undefined;
  if (!(of.k === "count" || (of.k === "measure" && of.fn === "count"))) return undefined;
  return { k: "average-per", of, per: entity.entity, phrase: phraseOf(agg, of, grain, per) };
}
const BELOW = new Set(["below", "under", "before"]);
const ABOVE = new Set(["above", "over", "after"]);

/**
 * "products where units in stock is below the reorder level", "orders that shipped after their
 * required date": two columns of the same rows compared, read as their difference against zero
 * (dates only when both are calendar dates, see formulaSql). `word`: the preposition, a particle
 * ending a verb's phrase, or a comparison without a number ("higher than").
 */
export function comparedColumns(a: Part, word: Part | string, b: Part): Part | undefined {
  const [x, y] = [sense(a), sense(b)];
  const w = typeof word === "string" ? word : word.k === "word" ? word.word : undefined;
  const op =
    w !== undefined
      ? BELOW.has(w)
        ? "<"
        : ABOVE.has(w)
          ? ">"
          : undefined
      : word !== undefined &&
          typeof word !== "string" &&
          word.k === "compare" &&
          word.chunk.quantity === undefined &&
          !word.attr
        ? word.chunk.operator
        : undefined;
  if ((op !== "<" && op !== ">" && op !== "<=" && op !== ">=") || !x || !y || x.entity !== y.entity) return undefined;
  const operand = (m: Meaning): Formula | undefined =>
    m.kind === "measure" && !m.as
      ? { k: "measure", measure: m.measure }
      : m.kind === "time"
        ? { k: "date", time: m.time }
        : undefined;
  const [left, right] = [operand(x), operand(y)];
  if (!left || !right || left.k !== right.k || phraseOf(a) === phraseOf(b)) return undefined;
  const phrase = [phraseOf(a), w ?? (typeof word === "string" ? "" : phraseOf(word)), phraseOf(b)]
    .filter(Boolean)
    .join(" ");
  const chunk: ComparisonPhrase = {
    kind: "comparison",
    operator: op,
    quantity: { value: 0, written: "digits" },
    tokens: { start: 0, end: 0 },
    span: { start: 0, end: 0 },
    text: phrase,
  };
  return {
    k: "filter-compare",
    attr: { kind: "formula", entity: x.entity, formula: { k: "op", op: "-", left, right }, phrase },
    chunk,
    phrase,
  };
}
export function nonzero(a: Part, w: Part): Part | undefined {
  const attr = sense(a);
  if (attr?.kind !== "measure") return undefined;
  const phrase = phraseOf(w, a);
  const chunk: ComparisonPhrase = {
    kind: "comparison",
    operator: ">",
    quantity: { value: 0, written: "digits" },
    tokens: { start: 0, end: 0 },
    span: { start: 0, end: 0 },
    text: phrase,
  };
  return { k: "filter-compare", attr, chunk, phrase, nonzero: true };
}
export function having(m: Part, c: Part, phrase?: string, unit?: Part): Part | undefined {
  if ((m.k !== "measure" && m.k !== "count") || c.k !== "compare" || c.chunk.quantity === undefined) return undefined;
  if (m.k === "measure" && !m.fn) return undefined;
  const said = quantityUnit(c.chunk, unit);
  return {
    k: "having-compare",
    measure: m,
    chunk: c.chunk,
    phrase: phrase ?? phraseOf(m, c, ...(unit && unit.k !== "list" ? [unit] : [])),
    ...(said ? { unit: said } : {}),
  };
}
export function grain(g: Part, of?: Part): Part | undefined {
  if (g.k === "bucket")
    return {
      k: "grain",
      bucket: g.bucket,
      attr: of && sense(of)?.kind === "time" ? sense(of) : undefined,
      entity: of && sense(of)?.entity,
      phrase: phraseOf(...(of ? [of] : []), g),
    };
  const m = sense(g);
  if (!m) return undefined;
  if (m.kind === "entity" || m.kind === "role")
    return { k: "grain", entity: m.entity, ...(m.kind === "role" ? { attr: m } : {}), phrase: phraseOf(g) };
  // A computed value ("by net sales (price x qty)") ranks or is added up; it is never a group.
  if (m.kind === "value" || m.kind === "flag" || m.kind === "formula") return undefined;
  return { k: "grain", attr: m, phrase: phraseOf(g) };
}
/** "countries with at least 3 customers", "which cities": the values of an attribute are what is listed. */
export function listed(a: Part): Part | undefined {
  const m = sense(a);
  return m?.kind === "dimension" ? { k: "grain", attr: m, listed: true, phrase: phraseOf(a) } : undefined;
}
export function withGrainPhrase(gs: Part, word: Part): Part {
  const all = items(gs);
  return list(...all.map((g, i) => (i === 0 && g.k === "grain" ? { ...g, phrase: phraseOf(word, g) } : g)));
}
/** "sorted by amount", "descending", "in alphabetical order", "largest amount first". */
export function sort(o: Part, by?: Part, then?: Part): Part | undefined {
  if (o.k !== "order" || (then && then.k !== "order")) return undefined;
  const direction = then?.k === "order" && then.chunk.direction ? then.chunk.direction : o.chunk.direction;
  if (by && !sense(by)) return undefined;
  if (!by && ((!direction && o.chunk.superlative === undefined) || o.chunk.by)) return undefined;
  const words = [o, ...(by ? [by] : []), ...(then ? [then] : [])];
  return {
    k: "sort",
    direction: direction === "descending" ? "desc" : "asc",
    ...(by ? { by } : {}),
    ...(!by
      ? { implicit: o.chunk.text.toLowerCase(), ...(o.chunk.first !== undefined ? { first: o.chunk.first } : {}) }
      : {}),
    phrase: phraseOf(...words),
  };
}
/** "largest amount first", "lowest price first": a superlative names the end that comes first. */
export function sortFirst(word: Part, by: Part, o: Part): Part | undefined {
  if (word.k !== "super" || o.k !== "order" || o.chunk.first === undefined || !sense(by)) return undefined;
  const firstIsHigh = (word.direction === "desc") === o.chunk.first;
  return { k: "sort", direction: firstIsHigh ? "desc" : "asc", by, phrase: phraseOf(word, by, o) };
}
/** "cheapest first", "most recent first": the superlative's own column, its end first. */
export function sortFirstBy(word: Part, o: Part): Part | undefined {
  if (word.k !== "super" || !word.column) return undefined;
  return sortFirst(word, { k: "sense", meaning: word.column, phrase: "" }, o);
}
export function show(a: Part, asked = false): Part | undefined {
  // The words that join the attributes ("and", a comma) are not attributes.
  const all = items(a)
    .filter((p) => p.k !== "word")
    .map(sense);
  // "with a discount" states a condition, not a column to show: only attributes that are not measures are shown,
  // and measures wanted in a unit ("with its length in minutes"). After a request verb ("showing the amount")
  // nothing is a condition: every attribute named is a column asked for.
  if (all.some((m) => !m || (m.kind === "measure" && !m.as && !asked))) return undefined;
  return list(...all.map((m) => ({ k: "show", meaning: m!, phrase: phraseOf(a) }) as Part));
}
export function related(np: Part, link: Part): Part | undefined {
  if (np.k !== "subject") return undefined;
  // "orders placed by customers": after a passive's "by" the related rows are the agents, the listed rows the event.
  const event = items(link).some(
    (p) => (p.k === "verb" && !/\bby$/i.test(p.phrase) && !p.chunk.passive) || (p.k === "word" && p.word === "with"),
  );
  return {
    k: "related",
    entity: np.entity,
    phrase: phraseOf(link, np),
    qualifiers: np.qualifiers,
    via: phraseOf(link),
    event,
  };
}
/**
 * "customers who placed orders in 2024", "customers with orders in 2024": a period after a verb's
 * (or "with"'s) object dates that object, the event the verb tells of.
 */
export function datedRelated(np: Part, link: Part, t: Part): Part | undefined {
  const r = related(np, link);
  const period = time(t);
  if (r?.k !== "related" || !r.event || np.k !== "subject" || period?.k !== "filter-time") return undefined;
  return { ...r, phrase: phraseOf(r, t), qualifiers: [...r.qualifiers, { ...period, owner: np.entity }] };
}
/** "the quantity sold", "products supplied": a past participle after a noun only describes it. */
export function described(np: Part, participle: Part): Part | undefined {
  if (participle.k !== "verb" || participle.chunk.particles.length > 0 || participle.chunk.negated) return undefined;
  const form = participle.phrase.toLowerCase().split(/\s+/).pop() ?? "";
  if (form === participle.lemma || /(ing|s)$/.test(form)) return undefined;
  if (np.k === "measure" || np.k === "count") return { ...np, phrase: phraseOf(np, participle) };
  return np.k === "subject" ? { ...np, phrase: phraseOf(np, participle) } : undefined;
}
// Verbs that only say which unit a column is given in: "the weight shown in kg", "totals converted to cents".
const UNIT_VERBS = new Set(["show", "convert", "express", "give", "display", "report"]);

/** "in", or a unit verb's own "to", "into" or "in" ("converted to", "shown in"): words that ask for a unit. */
function asksForUnit(prep: Part, verb?: Part): boolean {
  // The preposition stands alone ("in minutes") or ends the verb's group ("shown in", "converted to").
  const preposition =
    prep.k === "word" ? prep.word : verb?.k === "verb" ? verb.phrase.toLowerCase().split(/\s+/).pop() : undefined;
  return verb
    ? verb.k === "verb" && UNIT_VERBS.has(verb.lemma) && ["in", "to", "into"].includes(preposition ?? "")
    : preposition === "in";
}

/** The unit a measure is said to be kept in: "(instead) of cents", "from cents". */
export type StatedUnit = { prep: Part; unit: Part };

/**
 * The unit asked for ("in dollars", "converted to cents") with the unit the measure is said to be
 * kept in, if any ("instead of cents"), and the words of both; undefined when the words ask for
 * no unit.
 */
function readUnit(prep: Part, unit: Part, verb?: Part, from?: StatedUnit) {
  if (unit.k !== "word" || !asksForUnit(prep, verb)) return undefined;
  const asked = {
    unit: unit.word as Unit,
    unitPhrase: unit.phrase,
    words: [...(verb ? [verb] : []), prep, unit, ...(from ? [from.prep, from.unit] : [])],
  };
  if (!from) return { ...asked, kept: undefined };
  const { prep: of, unit: kept } = from;
  return of.k === "word" && (of.word === "of" || of.word === "from") && kept.k === "word"
    ? { ...asked, kept: kept.word as Unit }
    : undefined;
}

/**
 * "length in minutes", "the weight shown in kg", "the amount in dollars instead of cents": the
 * measure, wanted in the unit the request names. A unit it is said to be kept in must be the
 * measure's own.
 */
export function inUnit(m: Part, prep: Part, unit: Part, verb?: Part, from?: StatedUnit): Part | undefined {
  const meaning = sense(m);
  const asked = readUnit(prep, unit, verb, from);
  if (meaning?.kind !== "measure" || !asked || (asked.kept && asked.kept !== meaning.measure.unit)) return undefined;
  return {
    k: "sense",
    meaning: { ...meaning, as: { unit: asked.unit, phrase: asked.unitPhrase } },
    phrase: phraseOf(m, ...asked.words),
  };
}

/**
 * "total paid per order in dollars", "totals converted to cents", "in dollars instead of cents":
 * a unit written apart from its measure, for every measure of the request kept in a unit that
 * converts to it (wanted-unit.ts).
 */
export function unitWanted(prep: Part, unit: Part, verb?: Part, from?: StatedUnit): Part | undefined {
  const asked = readUnit(prep, unit, verb, from);
  if (!asked) return undefined;
  return {
    k: "unit-wanted",
    unit: asked.unit,
    unitPhrase: asked.unitPhrase,
    phrase: phraseOf(...asked.words),
    ...(asked.kept ? { from: asked.kept } : {}),
  };
}

/**
 * "share of revenue", "what % of orders got cancelled", "the share of 2025 revenue": a part of
 * what the aggregate (or the count of the noun) adds up. Conditions right after the noun pick
 * the part; a period restricts the whole, so it stays a filter of the request.
 */
export function share(word: Part, of: Part, conditions: Part[], period?: Part): Part | undefined {
  if (word.k !== "word") return undefined;
  const counted =
    of.k === "subject"
      ? { k: "count" as const, entity: of.entity, distinct: false, phrase: of.phrase, qualifiers: [] }
      : of;
  if ((counted.k !== "measure" && counted.k !== "count") || (counted.k === "count" && counted.qualifiers.length > 0))
    return undefined;
  if (counted.k === "measure" && counted.fn && counted.fn !== "sum" && counted.fn !== "count") return undefined;
  const part = [...(of.k === "subject" ? of.qualifiers : []), ...conditions];
  const filter = period && time(period);
  const read: Part = {
    k: "share",
    of: counted,
    part,
    percent: word.word === "percent",
    phrase: phraseOf(word, ...(period ? [period] : []), of, ...conditions),
  };
  return filter ? list(read, filter) : read;
}
