/**
 * Terminals the grammar adds to the grounded ones, each from a rule of English rather than from
 * the model: verbs it may read without a meaning (PLAINV), verbs that ask for the table (REQ),
 * separators (SEP), and stored values read as states after "be" (VAL).
 */
import { annotate, type AnnotatedToken, type Chunk } from "@/lib/planner/english";
import type { SemanticModel } from "@/lib/semantic-model/model-schema";
import type { Terminal } from "./chart";
import { AGGREGATE_WORDS } from "./function-words";
import { phraseKey as phraseKeyOf, wordKey, type Lexicon } from "./lexicon";
import { STRENGTH, type Meaning } from "./senses";
import type { Part } from "./parts";
import { OCCURRENCE_VERBS, REQUEST_VERBS } from "./verb-classes";

/**
 * PLAINV terminals: a verb that only says a row came to be ("the quantity sold", "products
 * supplied", "how many orders did we get", "payments were made"); it restricts nothing. A verb
 * of the model's relationships ("does each employee cover") is read the same way: the join path
 * carries it. A word
 * that also names a value or a flag ("orders returned") is left to those readings: there the word
 * says which rows, and dropping it would widen the table.
 */
export function plainVerbTerminals(terminals: Terminal<Part>[], modelVerbs: Set<string>): Terminal<Part>[] {
  const named = new Set(terminals.filter((t) => t.cat === "VAL" || t.cat === "FLAG").map((t) => `${t.start}:${t.end}`));
  return terminals
    .filter(
      (t) =>
        t.cat === "VERB" &&
        t.value.k === "verb" &&
        t.value.chunk.particles.length === 0 &&
        (OCCURRENCE_VERBS.has(t.value.lemma) || modelVerbs.has(t.value.lemma)),
    )
    .filter((t) => !named.has(`${t.start}:${t.end}`))
    .map((t) => ({ ...t, cat: "PLAINV" }));
}

/**
 * REQ terminals: a verb that asks for the table, first in its sentence ("show me", "list", "I
 * need"), also where the tagger took the imperative for a noun ("list products that …").
 */
export function requestTerminals(
  terminals: Terminal<Part>[],
  tokens: AnnotatedToken[],
  chunks: Chunk[],
): Terminal<Part>[] {
  // First in its sentence, after nothing but pronouns, interjections and auxiliaries ("I'd like", "can you show").
  const opens = (i: number) =>
    tokens
      .slice(0, i)
      .filter((t) => t.sentence === tokens[i].sentence)
      .every((t) => t.pos === "PRON" || t.pos === "INTJ" || t.kind === "punctuation" || t.pos === "AUX");
  // "for each customer, give me …": a fronted grain (a grain word and one noun phrase) may come first.
  const afterGrain = (i: number) => {
    const [grain, noun, comma] = chunks;
    const end = comma?.kind === "punctuation" ? comma.tokens.end : noun?.tokens.end;
    return grain?.kind === "connective" && grain.role === "grain" && noun?.kind === "noun-phrase" && end === i;
  };
  // "I'd like", "we would love": a verb of wishing after "would" asks as "I want" does.
  const wish = (t: Terminal<Part>) =>
    t.value.k === "verb" &&
    WISH_VERBS.has(t.value.lemma) &&
    tokens.slice(t.value.chunk.tokens.start, t.start + 1).some((w) => MODALS.has(w.normal));
  // "…, showing order id and amount": a request verb's participle later on asks for columns too.
  const participle = (t: Terminal<Part>) => t.end - t.start === 1 && tokens[t.start].normal.endsWith("ing");
  const verbs = terminals
    .filter(
      (t) =>
        t.cat === "VERB" &&
        t.value.k === "verb" &&
        ((REQUEST_VERBS.has(t.value.lemma) && (opens(t.start) || afterGrain(t.start) || participle(t))) ||
          (wish(t) && opens(t.start))),
    )
    .map((t) => ({ ...t, cat: "REQ" }));
  // "can you show me …", "could you please build …": the question's opening words ask with the verb.
  for (const t of [...verbs]) {
    const opening = tokens.find((w) => w.sentence === tokens[t.start].sentence && w.kind !== "punctuation");
    if (opening && opening.index < t.start && opening.pos === "AUX" && opens(t.start))
      verbs.push({ ...t, start: opening.index });
  }
  // "are there any customers without orders?": an existential question asks for the rows it names.
  const existential = tokens
    .filter((t, i) => t.sentenceInitial && t.lemma === "be" && tokens[i + 1]?.normal === "there")
    .map(
      (t): Terminal<Part> => ({
        cat: "REQ",
        start: t.index,
        end: t.index + 2,
        value: {
          k: "word",
          word: `${t.normal} there`,
          phrase: `${t.text} ${tokens[t.index + 1].text}`,
          chunk: chunks.find((c) => c.tokens.start <= t.index && t.index < c.tokens.end)!,
        },
        strength: 0.3,
      }),
    );
  verbs.push(...existential);
  const first = tokens.find((t) => t.kind !== "punctuation" && t.pos !== "PRON" && t.pos !== "INTJ" && t.pos !== "AUX");
  const chunk = first && chunks.find((c) => c.tokens.start === first.index);
  if (
    !first ||
    !chunk ||
    first.pos !== "NOUN" ||
    !REQUEST_VERBS.has(first.normal) ||
    terminals.some((t) => t.start === first.index && t.cat !== "VERB") ||
    tokens[first.index + 1]?.normal === "of"
  )
    return verbs;
  return [
    ...verbs,
    {
      cat: "REQ",
      start: first.index,
      end: first.index + 1,
      value: { k: "word", word: first.normal, phrase: first.text, chunk },
      strength: 0.3,
    },
  ];
}

const WISH_VERBS = new Set(["like", "love"]);
const MODALS = new Set(["would", "'d", "’d"]);

const SEPARATORS = new Set([",", ":", ";", "-", "–", "—"]);

/**
 * SEP terminals: a comma, colon, semicolon, spaced dash or bracket between words. The grammar reads
 * one as a pause between modifiers or as a list separator ("by year, ship country and shipper"); a
 * bracketed aside is a modifier like any other ("bottom 3 categories (category name)"). Other
 * punctuation, and a bracket that closes the request, drop out of the lattice.
 */
export function separatorTerminals(tokens: AnnotatedToken[]): Terminal<Part>[] {
  const asides = asideBrackets(tokens);
  return tokens
    .filter(
      (t) =>
        t.kind === "punctuation" &&
        (SEPARATORS.has(t.text) || asides.has(t.index)) &&
        t.index > 0 &&
        t.index < tokens.length - 1 &&
        (t.text !== "-" || t.spaceBefore),
    )
    .filter((t) => tokens[t.index + 1].kind !== "punctuation")
    .map((t) => ({ cat: "SEP", start: t.index, end: t.index + 1, value: { k: "list", parts: [] }, strength: 0 }));
}

/**
 * The brackets of asides: a pair whose opening bracket follows a word that is no preposition. After
 * a preposition the brackets hold its object ("status in ('shipped', 'returned')"), and brackets
 * inside arithmetic group it; both are read where they stand.
 */
function asideBrackets(tokens: AnnotatedToken[]): Set<number> {
  const asides = new Set<number>();
  const open: number[] = [];
  for (const t of tokens) {
    if (t.text === "(") open.push(t.index);
    else if (t.text === ")" && open.length > 0) {
      const start = open.pop()!;
      const before = tokens[start - 1];
      if (before?.kind === "word" && before.pos !== "ADP") asides.add(start).add(t.index);
    }
  }
  return asides;
}

/**
 * ONLY: "only" closing a clause after what it restricts ("…, completed orders only"), or opening
 * one after a separator ("…, only customers from Canada"). Elsewhere "only" is an adverb the
 * grammar passes over.
 */
export function onlyTerminals(tokens: AnnotatedToken[]): Terminal<Part>[] {
  return tokens
    .filter(
      (t) =>
        t.normal === "only" &&
        t.index > 0 &&
        ((tokens[t.index - 1].kind === "word" &&
          (t.index === tokens.length - 1 || tokens[t.index + 1].kind === "punctuation")) ||
          (tokens[t.index - 1].kind === "punctuation" && tokens[t.index + 1]?.kind === "word")),
    )
    .map((t) => ({ cat: "ONLY", start: t.index, end: t.index + 1, value: { k: "list", parts: [] }, strength: 0 }));
}

/**
 * FREQ: how often, a comparison of a count of events: "at least 3 times" (with the noun after
 * the number), "more than once", "at least twice" (the adverb is the number itself).
 */
export function frequencyTerminals(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  terminals: Terminal<Part>[],
): Terminal<Part>[] {
  return chunks.flatMap((c): Terminal<Part>[] => {
    const cmp = terminals.find((t) => t.cat === "CMP" && t.start === c.tokens.start && t.end === c.tokens.end);
    if (c.kind !== "comparison" || !cmp) return [];
    if (TIMES_ADVERBS.has(tokens[c.tokens.end - 1].normal)) return [{ ...cmp, cat: "FREQ" }];
    return tokens[c.tokens.end]?.normal === "times" ? [{ ...cmp, cat: "FREQ", end: c.tokens.end + 1 }] : [];
  });
}
const TIMES_ADVERBS = new Set(["once", "twice"]);

/** Adjectives that say a column holds nothing: "where the composer is blank", "whose region is empty". */
const EMPTY_WORDS = new Set(["blank", "empty", "missing", "null", "unset"]);

/** EMPTY: a word saying a column holds no value, read after its column and the copula. */
export function emptyTerminals(tokens: AnnotatedToken[], chunks: Chunk[]): Terminal<Part>[] {
  return tokens.flatMap((t): Terminal<Part>[] => {
    const chunk = chunks.find((c) => c.tokens.start <= t.index && t.index < c.tokens.end);
    return EMPTY_WORDS.has(t.normal) && chunk
      ? [
          {
            cat: "EMPTY",
            start: t.index,
            end: t.index + 1,
            value: { k: "word", word: t.normal, phrase: t.text, chunk },
            strength: 0,
          },
        ]
      : [];
  });
}

/**
 * VAL terminals for a participle after "be" that is a stored value: "orders that are shipped or
 * completed", "which were cancelled". After the copula the participle is an adjective naming a
 * state; a coordinated participle ("or completed") shares the copula.
 */
export function stateValueTerminals(tokens: AnnotatedToken[], chunks: Chunk[], lexicon: Lexicon): Terminal<Part>[] {
  const out: Terminal<Part>[] = [];
  let afterCopula = false;
  // "with status shipped or returned": right after the name of a column, a participle is that column's value.
  let columnNamed: Set<string> | undefined;
  for (const c of chunks) {
    if (c.kind === "verb-group") {
      const copula = c.lemma === "be" || c.lemma === "get";
      const isValue = (m: { table: string; column: string }) =>
        c.passive || afterCopula || columnNamed?.has(`${m.table}.${m.column}`);
      if (!c.negated && c.particles.length === 0) {
        const head = tokens[c.head];
        for (const m of lexicon
          .values(head.text)
          .filter((v) => v.value.toLowerCase() === head.text.toLowerCase() && isValue(v))) {
          const meaning: Meaning = {
            kind: "value",
            entity: lexicon.entities.find((e) => e.table === m.table)!,
            column: m.column,
            value: m.value,
          };
          if (meaning.entity)
            out.push({
              cat: "VAL",
              start: c.tokens.start,
              end: c.tokens.end,
              value: { k: "sense", meaning, phrase: c.text },
              strength: STRENGTH.value,
            });
        }
      }
      afterCopula = copula || c.passive || afterCopula;
    } else if (c.kind === "noun-phrase") {
      const senses = lexicon.phrases.get(phraseKeyOf(c.text)) ?? [];
      const named = senses.flatMap((s) =>
        s.meaning.kind === "dimension" ? [`${s.meaning.entity.table}.${s.meaning.dimension.column}`] : [],
      );
      columnNamed = named.length > 0 ? new Set(named) : undefined;
    } else if (
      !(c.kind === "connective" && (c.role === "or" || c.role === "and")) &&
      c.kind !== "punctuation" &&
      c.kind !== "value"
    ) {
      afterCopula = false;
      columnNamed = undefined;
    }
  }
  return out;
}

/** Superlatives of price, general English: which end of the rows' money column comes first. */
const PRICE_SUPERLATIVES: Record<string, "asc" | "desc"> = {
  cheapest: "asc",
  "least expensive": "asc",
  priciest: "desc",
  costliest: "desc",
  dearest: "desc",
  "most expensive": "desc",
};
/** Superlatives of popularity: rank by the measure the request names ("least popular product by quantity ordered"). */
const POPULARITY_SUPERLATIVES: Record<string, "asc" | "desc"> = {
  "most popular": "desc",
  "least popular": "asc",
  "best selling": "desc",
  "top selling": "desc",
  "worst selling": "asc",
};

/**
 * SUPER terminals for superlatives that name their measure by English alone: "the 5 cheapest
 * products" (the money column), "the least popular product by quantity" (the measure after "by").
 */
export function rankingAdjectiveTerminals(tokens: AnnotatedToken[], chunks: Chunk[]): Terminal<Part>[] {
  const out: Terminal<Part>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const chunk = chunks.find((c) => c.tokens.start <= i && i < c.tokens.end);
    if (!chunk || chunk.kind !== "noun-phrase") continue;
    for (const length of [3, 2, 1]) {
      const words = tokens
        .slice(i, i + length)
        .filter((t) => t.text !== "-")
        .map((t) => t.normal)
        .join(" ");
      const price = PRICE_SUPERLATIVES[words];
      const popular = POPULARITY_SUPERLATIVES[words];
      if (!price && !popular) continue;
      const phrase = tokens
        .slice(i, i + length)
        .map((t) => t.text)
        .join(" ");
      out.push({
        cat: "SUPER",
        start: i,
        end: i + length,
        value: {
          k: "super",
          direction: (price ?? popular)!,
          phrase,
          ...(price ? { of: "money" as const } : { of: "named" as const }),
        },
        strength: 1,
      });
      break;
    }
  }
  return out;
}

/**
 * AGG terminals for the plural of an aggregate noun heading a phrase ("freight totals", "order
 * counts"): the same aggregate as "total freight", "order count". Only words nothing else reads.
 */
export function aggregateNounTerminals(tokens: AnnotatedToken[], terminals: Terminal<Part>[]): Terminal<Part>[] {
  return tokens.flatMap((t): Terminal<Part>[] => {
    const agg = AGGREGATE_WORDS[wordKey(t.normal)];
    if (
      !agg ||
      (t.pos !== "NOUN" && t.pos !== "VERB") ||
      wordKey(t.normal) === t.normal ||
      terminals.some((g) => g.start <= t.index && t.index < g.end)
    )
      return [];
    return [{ cat: "AGG", start: t.index, end: t.index + 1, value: { k: "agg", ...agg, phrase: t.text }, strength: 1 }];
  });
}

/**
 * A verb that names a stored state ("customers who cancelled orders", "how many loans did each
 * member lose": values "cancelled", "lost") restricts the rows; read as a bare link it would be
 * dropped. Such VERB terminals become NAMEDVERB, which no production reads as a link: the request
 * is then read through the value or refused. Verbs of occurrence ("orders placed in 2024") tell
 * when a row came to be, whatever state it is in now, and stay verbs.
 */
export function guardValueVerbs(
  terminals: Terminal<Part>[],
  tokens: AnnotatedToken[],
  model: SemanticModel,
): Terminal<Part>[] {
  const states = stateLemmas(model);
  return terminals.map((t) => {
    if (t.cat !== "VERB" || t.value.k !== "verb" || OCCURRENCE_VERBS.has(t.value.lemma)) return t;
    const head = tokens[t.value.chunk.head];
    // A negated verb is read by the negation grammar, which keeps the verb's own value inside its check.
    if (t.value.chunk.negated || head.negatedBy !== undefined) return t;
    return states.has(t.value.lemma) || states.has(head.normal) ? { ...t, cat: "NAMEDVERB" } : t;
  });
}

const lemmaCache = new WeakMap<SemanticModel, Set<string>>();
// A column of states has a handful of values; one with more is a list of names.
const MAX_STATES = 30;

/**
 * The one-word values of the model's category columns (a few values, not names or titles) and
 * their lemmas ("lost" → lose, "cancelled" → cancel).
 */
function stateLemmas(model: SemanticModel): Set<string> {
  let known = lemmaCache.get(model);
  if (!known) {
    known = new Set<string>();
    for (const e of model.entities)
      for (const d of e.dimensions)
        for (const v of !e.label.includes(d.column) && (d.values?.length ?? 0) <= MAX_STATES ? (d.values ?? []) : []) {
          if (!/^[a-z]+$/i.test(v)) continue;
          known.add(v.toLowerCase());
          const [token] = annotate(v.toLowerCase());
          if (token?.pos === "VERB" || token?.pos === "ADJ") known.add(token.lemma);
        }
    lemmaCache.set(model, known);
  }
  return known;
}
