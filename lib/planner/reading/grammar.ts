import type { Production } from "./chart";
import { items, list, type Part } from "./parts";
import type { Meaning } from "./senses";

/**
 * The grammar of requests, over grounded terminals (see ground.ts). Read a production as the
 * English it accepts; `?` marks a symbol that may be left out. Terminals: ENT entity, MEAS
 * measure, DIM dimension, TDIM time dimension, FLAG flag, VAL value, ROLE role noun, AGG
 * aggregate word, DISTINCT, SUPER superlative of quantity, NUM number, CMP comparison, UNIT
 * money word, TIME period, BUCKET calendar unit, RANK top/bottom N, ORDER ordering, VERB, BE,
 * EACH, NAME; connectives REL, Q, WITH, WITHOUT, GRAIN, BY, AND, OR, NAMING, PREP.
 */
const sense = (p: Part): Meaning | undefined => (p.k === "sense" ? p.meaning : p.k === "measure" ? p.target : undefined);
const phraseOf = (...parts: Part[]): string => parts.flatMap((p) => (p.k === "list" ? p.parts.map((q): string => phraseOf(q)) : "phrase" in p ? [p.phrase] : [])).filter(Boolean).join(" ");

type Build = (kids: Part[]) => Part | undefined;
const rules: Production<Part>[] = [];
// A production that only passes its words on yields the one part itself, so that "Attr -> DIM" is still a sense.
const pass: Build = (kids) => {
  const all = list(...kids);
  return all.k === "list" && all.parts.length === 1 ? all.parts[0] : all;
};
function r(spec: string, build: Build = pass) {
  const [lhs, rhs] = spec.split("->").map((s) => s.trim());
  rules.push({ lhs, rhs: rhs.split(/\s+/), build });
}

// A request: an optional question word, what is wanted, and what qualifies it.
r("S -> Q? Lead? Head Mods?", ([, lead, head, mods]) => list(lead, head, mods));
r("Lead -> TIME", ([t]) => time(t));
r("Lead -> NUM", ([n]) => (n.k === "number" ? { k: "top", edge: "top", count: n.value, phrase: n.phrase } : undefined));

// What is wanted: rows of an entity, measures, a count of an entity, or a ranking.
r("Head -> NP");
r("Head -> Measures");
r("Head -> RANK NP", ([rank, np]) => list(top(rank), np));
r("Head -> RANK GItem", ([rank, g]) => list(top(rank), g));
r("Head -> RANK Measure", ([rank, m]) => list(top(rank), m));

r("NP -> ENT", ([e]) => subject(e));
r("NP -> Adj NP", ([adj, np]) => withQualifiers(np, items(adj)));
r("Adj -> Vals");
r("Adj -> FLAG", ([f]) => flag(f));
r("Adj -> TIME", ([t]) => time(t));

r("Measures -> Measure");
r("Measures -> Measure AND Measures");
r("Measure -> AGG DISTINCT? Attr", ([agg, distinct, a]) => measure(agg, a, distinct));
r("Measure -> Attr AGG", ([a, agg]) => measure(agg, a));
r("Measure -> AGG DISTINCT? NP", ([agg, distinct, np]) => count(agg, np, distinct));
r("Measure -> ENT AGG", ([e, agg]) => count(agg, subject(e)!));
r("Measure -> MEAS", ([m]) => measure(undefined, m));

r("Attr -> MEAS");
r("Attr -> DIM");
r("Attr -> TDIM");
r("Attr -> ENT Attr", ([e, a]) => (sense(e)?.entity === sense(a)?.entity ? { ...a, phrase: phraseOf(e, a) } as Part : undefined));

r("Mods -> Mod Mods?");
r("Mod -> TIME", ([t]) => time(t));
r("Mod -> PREP? TDIM TIME", ([, a, t]) => time(t, a));
r("Mod -> Link TIME", ([l, t]) => { const p = time(t); return p?.k === "filter-time" ? { ...p, afterVerb: verbOf(l) ?? "" } : p; });
r("Mod -> Link TDIM TIME", ([, a, t]) => time(t, a));
r("Mod -> Link? Vals", ([l, v]) => (v.k === "values" ? { ...v, via: verbOf(l), phrase: phraseOf(l, v) } : undefined));
r("Mod -> Link? FLAG", ([, f]) => flag(f));
r("Mod -> Cmp");
r("Mod -> GRAIN GItems", ([g, gs]) => withGrainPhrase(gs, g));
r("Mod -> BY GItems", ([g, gs]) => withGrainPhrase(gs, g));
r("Mod -> EACH GItem", ([g, gi]) => withGrainPhrase(gi, g));
r("Mod -> BUCKET", ([b]) => grain(b));
r("Mod -> BY Measure", ([by, m]) => ({ k: "top", edge: "top", count: 0, by: m, phrase: phraseOf(by, m) }));
r("Mod -> NAMING NAME", ([n, name]) => (name.k === "name" ? { k: "rename", name: name.name, phrase: phraseOf(n, name) } : undefined));
r("Mod -> ORDER", ([o]) => sort(o));
r("Mod -> Show");
r("Mod -> Link NP", ([l, np]) => related(np, l));

r("Link -> VERB PREP?");
r("Link -> REL VERB PREP?", ([, v, p]) => list(v, p));
r("Link -> REL BE PREP?", ([, , p]) => p);
r("Link -> PREP");
r("Link -> WITH");

r("Show -> WITH Attrs", ([, a]) => show(a));
r("Show -> AND Attrs", ([, a]) => show(a));
r("Attrs -> Attr");
r("Attrs -> Attr AND Attrs");

r("Vals -> VAL", ([v]) => values([v]));
r("Vals -> VAL Vals", ([v, rest]) => values([v, ...(rest.k === "values" ? rest.meanings.map((m) => ({ k: "sense", meaning: m, phrase: "" }) as Part) : [])], phraseOf(v, rest)));
r("Vals -> VAL OR Vals", ([v, , rest]) => values([v, ...(rest.k === "values" ? rest.meanings.map((m) => ({ k: "sense", meaning: m, phrase: "" }) as Part) : [])], phraseOf(v, rest)));
r("Vals -> VAL AND Vals", ([v, , rest]) => values([v, ...(rest.k === "values" ? rest.meanings.map((m) => ({ k: "sense", meaning: m, phrase: "" }) as Part) : [])], phraseOf(v, rest)));

// Comparisons in any position: on a column ("freight over 100", "with a price of more than
// 50", "priced between"), on an aggregate ("whose total spend is over 1000" → HAVING), on a
// count ("with more than 5 line items", "3 or more orders").
r("Cmp -> CmpWords UNIT?", ([c, u]) => compare(undefined, c, u));
r("Cmp -> Link? Attr BE? CmpWords UNIT?", ([, a, , c, u]) => compare(a, c, u));
r("Cmp -> REL Measure BE? CmpWords UNIT?", ([, m, , c]) => having(m, c));
r("Cmp -> WITH CmpWords NP", ([w, c, np]) => having(count({ k: "agg", fn: "count", phrase: "" }, np)!, c, phraseOf(w, c, np)));
r("Cmp -> REL BE? CmpWords", ([, , c]) => compare(undefined, c));
r("CmpWords -> CMP");

r("GItems -> GItem");
r("GItems -> GItem AND GItems");
r("GItem -> Attr", ([a]) => grain(a));
r("GItem -> ENT", ([e]) => grain(e));
r("GItem -> ROLE", ([e]) => grain(e));
r("GItem -> BUCKET", ([b]) => grain(b));
r("GItem -> ENT BUCKET", ([e, b]) => grain(b, e));
r("GItem -> TDIM BUCKET", ([t, b]) => grain(b, t));

export const GRAMMAR = rules;

const verbOf = (l: Part): string | undefined => items(l).find((p) => p.k === "verb")?.lemma as string | undefined;

function subject(e: Part): Part | undefined {
  const m = sense(e);
  return m?.kind === "entity" ? { k: "subject", entity: m.entity, phrase: phraseOf(e), qualifiers: [] } : undefined;
}
function withQualifiers(np: Part, qualifiers: Part[]): Part | undefined {
  return np.k === "subject" ? { ...np, phrase: phraseOf(...qualifiers, np), qualifiers: [...qualifiers, ...np.qualifiers] } : undefined;
}
function measure(agg: Part | undefined, a: Part, distinct?: Part): Part | undefined {
  const target = sense(a);
  if (!target || (agg && agg.k !== "agg")) return undefined;
  const fn = agg?.k === "agg" ? (agg.fn === "count" && (distinct?.k === "word" || agg.distinct) ? "count_distinct" : agg.fn) : undefined;
  return { k: "measure", fn, target, phrase: phraseOf(...[agg, distinct, a].filter((p): p is Part => !!p && p.k !== "list")) };
}
function count(agg: Part, np: Part | undefined, distinct?: Part): Part | undefined {
  if (!np || np.k !== "subject" || agg.k !== "agg" || (agg.fn !== "count" && agg.fn !== "sum")) return undefined;
  if (agg.fn === "sum" && agg.phrase.toLowerCase() !== "how many") return undefined;
  return { k: "count", entity: np.entity, distinct: distinct?.k === "word" || !!agg.distinct, phrase: phraseOf(agg, np), qualifiers: np.qualifiers };
}
function top(rank: Part): Part | undefined {
  return rank.k === "rank" ? { k: "top", edge: rank.chunk.edge, count: rank.chunk.count ?? 0, phrase: rank.phrase } : undefined;
}
function time(t: Part, a?: Part): Part | undefined {
  return t.k === "time" ? { k: "filter-time", expr: t.expr, attr: a && sense(a), phrase: phraseOf(...(a ? [a] : []), t) } : undefined;
}
function flag(f: Part): Part | undefined {
  const m = sense(f);
  return m?.kind === "flag" ? { k: "flag", meaning: m, phrase: phraseOf(f) } : undefined;
}
function values(vs: Part[], phrase?: string): Part | undefined {
  const meanings = vs.map(sense).filter((m): m is Extract<Meaning, { kind: "value" }> => m?.kind === "value");
  if (meanings.length !== vs.length || meanings.some((m) => m.entity !== meanings[0].entity || m.column !== meanings[0].column)) return undefined;
  return { k: "values", meanings, phrase: phrase ?? phraseOf(...vs) };
}
function compare(a: Part | undefined, c: Part, unit?: Part): Part | undefined {
  const chunk = c.k === "compare" ? c.chunk : undefined;
  if (!chunk || chunk.quantity === undefined) return undefined;
  const attr = a && sense(a);
  if (a && (!attr || a.k === "measure" && a.fn)) return a.k === "measure" ? having(a, c) : undefined;
  return { k: "filter-compare", attr, chunk, phrase: phraseOf(...(a ? [a] : []), c, ...(unit && unit.k !== "list" ? [unit] : [])), ...(unit && unit.k === "word" ? { unit: "currency" as const } : {}) };
}
function having(m: Part, c: Part, phrase?: string): Part | undefined {
  if ((m.k !== "measure" && m.k !== "count") || c.k !== "compare" || c.chunk.quantity === undefined) return undefined;
  if (m.k === "measure" && !m.fn) return undefined;
  return { k: "having-compare", measure: m, chunk: c.chunk, phrase: phrase ?? phraseOf(m, c) };
}
function grain(g: Part, of?: Part): Part | undefined {
  if (g.k === "bucket") return { k: "grain", bucket: g.bucket, attr: of && sense(of)?.kind === "time" ? sense(of) : undefined, entity: of && sense(of)?.entity, phrase: phraseOf(...(of ? [of] : []), g) };
  const m = sense(g);
  if (!m) return undefined;
  if (m.kind === "entity" || m.kind === "role") return { k: "grain", entity: m.entity, ...(m.kind === "role" ? { attr: m } : {}), phrase: phraseOf(g) };
  if (m.kind === "value" || m.kind === "flag") return undefined;
  return { k: "grain", attr: m, phrase: phraseOf(g) };
}
function withGrainPhrase(gs: Part, word: Part): Part {
  const all = items(gs);
  return list(...all.map((g, i) => (i === 0 && g.k === "grain" ? { ...g, phrase: phraseOf(word, g) } : g)));
}
function sort(o: Part): Part | undefined {
  if (o.k !== "order" || !o.chunk.direction) return undefined;
  return { k: "sort", direction: o.chunk.direction === "descending" ? "desc" : "asc", phrase: o.phrase };
}
function show(a: Part): Part | undefined {
  const all = items(a).map(sense);
  // "with a discount" states a condition, not a column to show: only attributes that are not measures are shown.
  if (all.some((m) => !m || m.kind === "measure")) return undefined;
  return list(...all.map((m) => ({ k: "show", meaning: m!, phrase: phraseOf(a) }) as Part));
}
function related(np: Part, link: Part): Part | undefined {
  if (np.k !== "subject") return undefined;
  return { k: "related", entity: np.entity, phrase: phraseOf(link, np), qualifiers: np.qualifiers, via: phraseOf(link) };
}
