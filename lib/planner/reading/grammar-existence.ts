import type { Production } from "./chart";
import { items, list, type Part } from "./parts";
import type { Meaning } from "./senses";

/**
 * The grammar of negation and existence. A negated stretch of the request (the negation's
 * scope, see negation-regions.ts) is parsed on its own from `Absent` and comes back to the
 * request as one ABSENT terminal, so nothing the negation governs can leak out of it and
 * nothing outside it can leak in. Terminals of a negated stretch: NVERB / NBE the negated verb
 * group ("have never placed", "don't have"), NTDIM a date the negated verb names ("have not
 * shipped"), NVAL / NFLAG a value or flag it names ("are not cancelled"), NO the determiner "no",
 * NOBODY "nobody" / "nothing" / "no one", and WITHOUT. SOMETHING is "something" / "anything" as
 * a verb's object (indefinite-objects.ts).
 */
const rules: Production<Part>[] = [];
function r(spec: string, build: (kids: Part[]) => Part | undefined) {
  const [lhs, rhs] = spec.split("->").map((s) => s.trim());
  // A symbol that passes one part on may hand it over wrapped in a list of one.
  rules.push({ lhs, rhs: rhs.split(/\s+/), build: (kids) => build(kids.map(one)) });
}

const one = (p: Part): Part => (p.k === "list" && p.parts.length === 1 ? p.parts[0] : p);
const sense = (p: Part): Meaning | undefined => (p.k === "sense" ? p.meaning : undefined);
const phraseOf = (...parts: Part[]): string =>
  parts
    .flatMap((p) => (p.k === "list" ? p.parts.map((q): string => phraseOf(q)) : "phrase" in p ? [p.phrase] : []))
    .filter(Boolean)
    .join(" ");

// Where a negated stretch qualifies the rows: straight after them, after a relative word, after
// "with" ("with no albums"), or after "but"/"and" ("who signed up in 2024 but never ordered").
r("Mod -> ABSENT", ([a]) => a);
r("Mod -> REL ABSENT", ([, a]) => a);
r("Mod -> WITH ABSENT", ([, a]) => a);
r("Mod -> AND ABSENT", ([, a]) => a);
// "customers with zero orders".
r("Mod -> WITH NUM NP", ([w, n, np]) =>
  n.k === "number" && n.value === 0 ? relatedRows(np, { negated: true, phrase: phraseOf(w, n, np) }) : undefined,
);
// "customers who have ordered", "orders that were paid": rows of the table the verb names exist.
// Only a verb that ends its sentence (VERBEND): "customers who ordered in 2024" leaves open which
// rows the year dates, and is not read so.
r("Mod -> REL VERBEND", ([, v]) => relatedRows(undefined, { negated: false, verb: v, phrase: phraseOf(v) }));
// "who ordered something", "who bought anything from the Seafood category".
r("Mod -> REL VERB SOMETHING Mods?", ([, v, s, mods]) =>
  relatedRows(undefined, { negated: false, verb: v, qualifiers: items(mods), phrase: phraseOf(v, s, mods) }),
);
// "who have placed at least 3 orders", "who bought at least one Iron Maiden track", and after a
// question word, where the relative word is left out: "which customers have bought at least one …".
r("Mod -> REL? VERB PREP? CmpWords DISTINCT? NP Mods?", ([, v, p, c, d, np, mods]) =>
  counted(v, c, np, mods, phraseOf(v, p, c, d, np, mods)),
);

// "customers who ordered at least 3 times", "who have used a coupon at least once", "who paid
// by gift card more than once": how often the verb's rows happened, counted as those rows.
r("Mod -> REL? VERB PREP? Vals? FREQ Mods?", ([, v, p, vals, f, mods]) =>
  counted(v, f, undefined, list(vals, mods), phraseOf(v, p, vals, f, mods)),
);

// A negated verb and what it is done to: "never placed an order", "have never bought anything
// from the Seafood category", "have never paid by coupon", "never ordered".
r("Absent -> NVERB PREP? NP Mods?", ([v, p, np, mods]) =>
  relatedRows(np, { negated: true, verb: v, qualifiers: items(mods), phrase: phraseOf(v, p, np, mods) }),
);
r("Absent -> NVERB Mods?", ([v, mods]) =>
  relatedRows(undefined, { negated: true, verb: v, qualifiers: items(mods), phrase: phraseOf(v, mods) }),
);
r("Absent -> NBE NP Mods?", ([v, np, mods]) =>
  relatedRows(np, { negated: true, verb: v, qualifiers: items(mods), phrase: phraseOf(v, np, mods) }),
);
// "no albums", "placed no orders", "have no orders in 2024", "without payments".
r("Absent -> VERB? NO NP Mods?", ([v, no, np, mods]) =>
  relatedRows(np, {
    negated: true,
    ...(v.k === "verb" ? { verb: v } : {}),
    qualifiers: items(mods),
    phrase: phraseOf(v, no, np, mods),
  }),
);
r("Absent -> BE NO NP Mods?", ([, no, np, mods]) =>
  relatedRows(np, { negated: true, qualifiers: items(mods), phrase: phraseOf(no, np, mods) }),
);
r("Absent -> WITHOUT NP Mods?", ([w, np, mods]) =>
  relatedRows(np, { negated: true, qualifiers: items(mods), phrase: phraseOf(w, np, mods) }),
);
// The related rows as the subject: "products nobody ordered", "employees that nobody reports
// to", "orders where nothing was paid by credit card"; and as the object: "who bought nothing".
r("Absent -> NOBODY VERB Mods?", ([n, v, mods]) =>
  relatedRows(undefined, {
    negated: true,
    verb: v,
    byOthers: true,
    qualifiers: items(mods),
    phrase: phraseOf(n, v, mods),
  }),
);
r("Absent -> VERB NOBODY", ([v, n]) => relatedRows(undefined, { negated: true, verb: v, phrase: phraseOf(v, n) }));
// "genres nobody in Germany has ever purchased": who the nobody is, before the verb.
r("Absent -> NOBODY Mod VERB Mods?", ([n, who, v, mods]) =>
  who.k === "values"
    ? relatedRows(undefined, {
        negated: true,
        verb: v,
        byOthers: true,
        qualifiers: [who, ...items(mods)],
        phrase: phraseOf(n, who, v, mods),
      })
    : undefined,
);

// A column of the row itself left empty: "with no region", "without a company", "don't have a
// fax number", "have not shipped yet".
r("Absent -> NO Attr", ([no, a]) => missing(a, phraseOf(no, a)));
r("Absent -> BE NO Attr", ([, no, a]) => missing(a, phraseOf(no, a)));
r("Absent -> WITHOUT Attr", ([w, a]) => missing(a, phraseOf(w, a)));
r("Absent -> NBE Attr", ([v, a]) => missing(a, phraseOf(v, a)));
// A role left empty: "employees with no manager", "customers without a support rep".
r("Absent -> NO ROLE", ([no, a]) => missing(a, phraseOf(no, a)));
r("Absent -> BE NO ROLE", ([, no, a]) => missing(a, phraseOf(no, a)));
r("Absent -> WITHOUT ROLE", ([w, a]) => missing(a, phraseOf(w, a)));
r("Absent -> NBE ROLE", ([v, a]) => missing(a, phraseOf(v, a)));
r("Absent -> NTDIM", ([t]) => missing(t, phraseOf(t)));
// "where the composer is blank", "whose region is empty".
r("Mod -> REL Attr BE EMPTY", ([rel, a, be, e]) => missing(a, phraseOf(rel, a, be, e)));
// "ignore tracks where the composer is blank", "excluding orders that are not shipped yet": the
// rows named, left out by their one condition, are the rows without it.
r("Absent -> WITHOUT NP Mod", ([w, np, mod]) => {
  if (np.k !== "subject" || np.qualifiers.length > 0) return undefined;
  const phrase = phraseOf(w, np, mod);
  if (mod.k === "missing" && mod.meaning.entity === np.entity) return { ...mod, present: !mod.present, phrase };
  if (mod.k === "values" && mod.meanings.every((m) => m.entity === np.entity))
    return { k: "not-values", meanings: mod.meanings, of: np.entity, phrase };
  return undefined;
});
// "customers with a company", "customers with a support rep": after "with a", a column that may be empty holds a value.
r("Mod -> WITHA Attr", ([w, a]) => present(a, phraseOf(w, a)));
r("Mod -> WITHA ROLE", ([w, a]) => present(a, phraseOf(w, a)));

// Values the row must not have: "are not cancelled", "aren't condiments or seafood".
r("Absent -> NVAL", ([v]) => notValues([v], phraseOf(v)));
r("Absent -> NFLAG", ([f]) => notValues([f], phraseOf(f)));
r("Absent -> NBE PREP? Vals", ([b, , v]) =>
  v.k === "values" ? { k: "not-values", meanings: v.meanings, phrase: phraseOf(b, v) } : undefined,
);
// "whose status is not completed", "where the ship country isn't Brazil": values of the column named left out.
r("Mod -> REL Attr ABSENT", ([rel, a, ab]) => {
  const attr = sense(a);
  if (ab.k !== "not-values" || attr?.kind !== "dimension") return undefined;
  const ofColumn = ab.meanings.every(
    (m) => m.kind === "value" && m.entity === attr.entity && m.column === attr.dimension.column,
  );
  return ofColumn ? { ...ab, phrase: phraseOf(rel, a, ab) } : undefined;
});
// "excluding coupons", "except seafood", "leaving out returned orders": values left out.
r("Absent -> WITHOUT Vals", ([w, v]) =>
  v.k === "values" ? { k: "not-values", meanings: v.meanings, phrase: phraseOf(w, v) } : undefined,
);
// "number of orders per status, excluding returned orders": the listed rows' own values, left out.
r("Absent -> WITHOUT NP", ([w, np]) => {
  if (np.k !== "subject" || np.qualifiers.length === 0) return undefined;
  const meanings = np.qualifiers.flatMap((q): Extract<Meaning, { kind: "value" | "flag" }>[] =>
    q.k === "values" ? q.meanings : q.k === "flag" ? [q.meaning] : [],
  );
  return meanings.length === np.qualifiers.length && meanings.every((m) => m.entity.table === np.entity.table)
    ? { k: "not-values", meanings, of: np.entity, phrase: phraseOf(w, np) }
    : undefined;
});
// "don't live in Germany", "weren't shipped to France": a verb the column is known by.
r("Absent -> NVERB PREP? Vals", ([b, , v]) =>
  v.k === "values" && b.k === "verb"
    ? { k: "not-values", meanings: v.meanings, verb: b, phrase: phraseOf(b, v) }
    : undefined,
);

export const EXISTENCE_GRAMMAR = rules;

function relatedRows(
  np: Part | undefined,
  rest: { negated: boolean; verb?: Part; byOthers?: boolean; qualifiers?: Part[]; phrase: string; minCount?: number },
): Part | undefined {
  if (np && np.k !== "subject") return undefined;
  if (rest.verb && rest.verb.k !== "verb") return undefined;
  return {
    k: "related-rows",
    negated: rest.negated,
    ...(rest.minCount !== undefined ? { minCount: rest.minCount } : {}),
    ...(np?.k === "subject" ? { entity: np.entity } : {}),
    ...(rest.verb?.k === "verb" ? { verb: rest.verb } : {}),
    ...(rest.byOthers ? { byOthers: true } : {}),
    qualifiers: [...(np?.k === "subject" ? np.qualifiers : []), ...(rest.qualifiers ?? [])],
    phrase: rest.phrase,
  };
}

/**
 * "at least 3" → at least 3 related rows; "more than 2" → at least 3; "fewer than 3" / "at most
 * 2" → not 3 or more. Other comparisons of a count are not read here.
 */
function counted(v: Part, c: Part, np: Part | undefined, mods: Part, phrase: string): Part | undefined {
  if (c.k !== "compare" || !c.chunk.quantity || !Number.isInteger(c.chunk.quantity.value)) return undefined;
  const n = c.chunk.quantity.value;
  const bound: Record<string, { negated: boolean; minCount: number } | undefined> = {
    ">=": { negated: false, minCount: n },
    ">": { negated: false, minCount: n + 1 },
    "<": { negated: true, minCount: n },
    "<=": { negated: true, minCount: n + 1 },
  };
  const b = bound[c.chunk.operator];
  if (!b || b.minCount < 1) return undefined;
  return relatedRows(np, { ...b, verb: v, qualifiers: items(mods), phrase });
}

function missing(a: Part, phrase: string): Part | undefined {
  const m = sense(a);
  return m && (m.kind === "dimension" || m.kind === "time" || m.kind === "role")
    ? { k: "missing", meaning: m, phrase }
    : undefined;
}

function present(a: Part, phrase: string): Part | undefined {
  const m = missing(a, phrase);
  return m?.k === "missing" ? { ...m, present: true } : undefined;
}

function notValues(vs: Part[], phrase: string): Part | undefined {
  const meanings = vs
    .map(sense)
    .filter((m): m is Extract<Meaning, { kind: "value" | "flag" }> => m?.kind === "value" || m?.kind === "flag");
  return meanings.length === vs.length ? { k: "not-values", meanings, phrase } : undefined;
}
