import type { AnnotatedToken, Chunk, NounPhrase } from "@/lib/planner/english";
import type { Terminal } from "./chart";
import {
  AGGREGATE_WORDS,
  CALENDAR_UNITS,
  DISTINCT_WORDS,
  SHARE_WORDS,
  FILLER_WORDS,
  STORE_NOUNS,
  FUNCTION_POS,
  QUANTITY_SUPERLATIVES,
} from "./function-words";
import { qualifiedName, wordKey, type Lexicon, type Sense } from "./lexicon";
import { comparativeOf, dimensionAdjectiveTerminals, isDimensionAdjective } from "./ground-adjectives";
import { unitOfWord } from "./unit-words";
import { spanKeys } from "./word-forms";
import type { Part } from "./parts";
import { meaningColumn, STRENGTH, type Meaning } from "./senses";

export type Grounding = {
  terminals: Terminal<Part>[];
  /** Content words no sense, value or grammar word reads: the request cannot be read. */
  unknown: AnnotatedToken[];
  /** Words read only by a fuzzy match (typos). */
  fuzzy: string[];
  /** The same, per word: the near spellings the model knows, nearest first. */
  misspellings: Misspelling[];
};

/** A word nothing reads but near spellings of words the model knows. */
export type Misspelling = {
  text: string;
  near: { word: string; distance: number; phrase?: string }[];
  /** The typed word is a word of English ("States"), so it may be meant as written. */
  english: boolean;
};

/** Words a person said a misspelling stands for: the word as typed (lower case) → the model's word. */
export type Spellings = Record<string, string>;

export const CATEGORY: Record<Meaning["kind"], string> = {
  entity: "ENT",
  measure: "MEAS",
  dimension: "DIM",
  time: "TDIM",
  flag: "FLAG",
  value: "VAL",
  role: "ROLE",
  formula: "MEAS",
};
const CONNECTIVE: Record<string, string> = {
  relative: "REL",
  question: "Q",
  with: "WITH",
  without: "WITHOUT",
  grain: "GRAIN",
  by: "BY",
  and: "AND",
  or: "OR",
  naming: "NAMING",
  preposition: "PREP",
  subordinator: "SUB",
};
const LINKING_VERBS = new Set(["be", "have", "do", "get"]);
const MAX_VALUE_WORDS = 6;

/**
 * Ground: every chunk of the request becomes terminals of the grammar, each with what it may
 * mean in the semantic model and how strongly. Content words are read as entities, measures,
 * dimensions, time dimensions, flags, values of the value index or role nouns (all candidates are
 * kept); function words are known by their part of speech. A content word nothing reads is
 * returned in `unknown`, never dropped.
 */
export function ground(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  lexicon: Lexicon,
  modelVerbs: Set<string>,
  spellings: Spellings = {},
): Grounding {
  const terminals: Terminal<Part>[] = [];
  const fuzzy: string[] = [];
  const misspellings: Misspelling[] = [];
  const text = (start: number, end: number) =>
    tokens
      .slice(start, end)
      .map((t, i) => (i > 0 && t.spaceBefore ? " " : "") + t.text)
      .join("");
  const emit = (cat: string, start: number, end: number, value: Part, strength = 1) =>
    terminals.push({ cat, start, end, value, strength });
  const emitSenses = (start: number, end: number, meanings: { meaning: Meaning; strength: number }[]) => {
    const phrase = text(start, end);
    for (const { meaning, strength } of meanings)
      emit(
        CATEGORY[meaning.kind],
        start,
        end,
        { k: "sense", meaning, phrase },
        strength * (end - start) + 0.2 * (end - start - 1),
      );
  };

  const storePhrases = storePhraseTokens(tokens, chunks, lexicon);
  for (const c of chunks) {
    const { start, end } = c.tokens;
    const phrase = c.text;
    if (storePhrases.has(start)) continue;
    switch (c.kind) {
      case "noun-phrase":
        groundNounPhrase(c, tokens, lexicon, emit, emitSenses, text, { fuzzy, misspellings, spellings });
        break;
      case "verb-group": {
        const lemma = tokens[c.head].lemma;
        if (LINKING_VERBS.has(lemma) && c.particles.length === 0)
          emit("BE", start, end, { k: "verb", chunk: c, lemma, phrase });
        else {
          emit("VERB", start, end, { k: "verb", chunk: c, lemma, phrase }, modelVerbs.has(lemma) ? 0.8 : 0.3);
          // "priced at", "hired before": a verb that is a column's own word.
          const senses = lexicon.phrases.get(wordKey(lemma)) ?? [];
          emitSenses(
            start,
            end,
            senses.filter((s) => s.meaning.kind === "measure" || s.meaning.kind === "time"),
          );
        }
        break;
      }
      // A comparison by a property ("heavier than") is read on the columns that have it (ground-adjectives.ts).
      case "comparison":
        if (!comparativeOf(tokens, c)) emit("CMP", start, end, { k: "compare", chunk: c, phrase });
        break;
      case "time":
        emit("TIME", start, end, { k: "time", expr: c.expression, phrase });
        break;
      case "aggregate": {
        const agg = AGGREGATE_WORDS[c.word.toLowerCase()];
        if (agg) emit("AGG", start, end, { k: "agg", ...agg, phrase });
        const share = SHARE_WORDS[c.word.toLowerCase()];
        if (share)
          emit("SHARE", start, end, { k: "word", word: share.percent ? "percent" : "fraction", phrase, chunk: c });
        break;
      }
      case "ranking":
        emit("RANK", start, end, { k: "rank", chunk: c, phrase });
        break;
      case "ordering":
        emit("ORDER", start, end, { k: "order", chunk: c, phrase });
        break;
      case "connective": {
        // "a table with…", "a report of…": the words after a noun for the result itself describe the result.
        const before = chunks[chunks.indexOf(c) - 1];
        const afterFiller =
          before?.kind === "noun-phrase" &&
          FILLER_WORDS.has(tokens[before.head].normal) &&
          (c.role === "with" || (c.role === "preposition" && c.word.toLowerCase() === "of"));
        if (!afterFiller)
          emit(CONNECTIVE[c.role], start, end, { k: "word", word: c.word.toLowerCase(), phrase, chunk: c });
        break;
      }
      case "value": {
        const token = tokens[c.token];
        const matches = lexicon.values(token.quoted?.inner ?? token.text);
        emitSenses(
          start,
          end,
          matches
            .map((m) => ({ meaning: valueMeaning(lexicon, m), strength: STRENGTH.name }))
            .filter((s) => s.meaning.entity),
        );
        break;
      }
      case "other": {
        for (let i = start; i < end; i++) {
          const t = tokens[i];
          const unit = CALENDAR_UNITS[t.normal];
          if (unit) emit("BUCKET", i, i + 1, { k: "bucket", bucket: unit, phrase: t.text });
          const named = unitOfWord(t, tokens[i - 1]);
          if (named) emit("UNIT", i, i + 1, { k: "word", word: named, phrase: t.text, chunk: c });
        }
        break;
      }
      default:
        break;
    }
  }
  groundAcrossChunks(tokens, chunks, lexicon, emitSenses);
  terminals.push(...dimensionAdjectiveTerminals(tokens, chunks, lexicon, terminals, text));
  const covered = new Set(terminals.flatMap((t) => Array.from({ length: t.end - t.start }, (_, i) => t.start + i)));
  const unknown = tokens.filter(
    (t) =>
      !covered.has(t.index) &&
      !FUNCTION_POS.has(t.pos) &&
      !FILLER_WORDS.has(t.normal) &&
      !storePhrases.has(t.index) &&
      t.kind !== "punctuation" &&
      !(t.kind === "symbol" && !t.comparison),
  );
  return { terminals, unknown, fuzzy, misspellings };
}

/**
 * The tokens of "on file", "in the catalog", "in our database": a locative preposition and a
 * noun phrase headed by a store noun the model does not know, ending its clause. Left out of the
 * reading: every row is kept in the store.
 */
function storePhraseTokens(tokens: AnnotatedToken[], chunks: Chunk[], lexicon: Lexicon): Set<number> {
  const found = new Set<number>();
  chunks.forEach((c, n) => {
    const noun = chunks[n + 1];
    const next = chunks[n + 2];
    if (c.kind !== "connective" || !["on", "in"].includes(c.word.toLowerCase())) return;
    if (noun?.kind !== "noun-phrase" || (next && next.kind !== "punctuation" && next.kind !== "connective")) return;
    const head = wordKey(tokens[noun.head].text);
    if (!STORE_NOUNS.has(head) || lexicon.words.includes(head)) return;
    for (let i = c.tokens.start; i < noun.tokens.end; i++) found.add(i);
  });
  return found;
}

/**
 * Column and table names that span what the chunker splits: "units in stock", "title of
 * courtesy", "quantity per unit". A phrase the model has word for word is read whole even when
 * a preposition inside it starts a new chunk; the parser still sees the parts as well.
 */
function groundAcrossChunks(tokens: AnnotatedToken[], chunks: Chunk[], lexicon: Lexicon, emitSenses: EmitSenses) {
  const chunkOf = new Map<number, number>();
  chunks.forEach((c, n) => {
    for (let i = c.tokens.start; i < c.tokens.end; i++) chunkOf.set(i, n);
  });
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 2; j <= Math.min(tokens.length, i + lexicon.longest); j++) {
      const span = tokens.slice(i, j);
      if (span.some((t) => t.kind !== "word" && t.kind !== "identifier")) break;
      if (chunkOf.get(i) === chunkOf.get(j - 1)) continue;
      for (const key of spanKeys(span)) {
        const senses = lexicon.phrases.get(key);
        if (senses && key.includes(" ")) emitSenses(i, j, senses);
      }
    }
  }
}

function valueMeaning(
  lexicon: Lexicon,
  m: { table: string; column: string; value: string },
): Extract<Meaning, { kind: "value" }> {
  const entity = lexicon.entities.find((e) => e.table === m.table)!;
  return { kind: "value", entity, column: m.column, value: m.value };
}

type Emit = (cat: string, start: number, end: number, value: Part, strength?: number) => void;
type EmitSenses = (start: number, end: number, meanings: { meaning: Meaning; strength: number }[]) => void;

type Typos = { fuzzy: string[]; misspellings: Misspelling[]; spellings: Spellings };

function groundNounPhrase(
  c: NounPhrase,
  tokens: AnnotatedToken[],
  lexicon: Lexicon,
  emit: Emit,
  emitSenses: EmitSenses,
  text: (s: number, e: number) => string,
  { fuzzy, misspellings, spellings }: Typos,
) {
  const { start, end } = c.tokens;
  const keyOf = (t: AnnotatedToken) => (t.identifier ? t.identifier.parts.map(wordKey).join(" ") : wordKey(t.normal));
  const lemmaOf = (t: AnnotatedToken) => wordKey(t.alternative?.lemma ?? t.lemma);
  // The end of the furthest phrase of the model read so far: the words before it are read.
  let readUntil = start;
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    const agg = AGGREGATE_WORDS[t.normal];
    if (agg && (c.aggregate ?? []).includes(i)) emit("AGG", i, i + 1, { k: "agg", ...agg, phrase: t.text });
    const share = SHARE_WORDS[t.normal];
    // "share of 2025 revenue" (the period took the "of"); "in percent", "as a percentage": the unit of a share.
    if (share && tokens[i + 1]?.time?.tokens.start === i + 1 && tokens[i + 1]?.normal === "of")
      emit("SHARE", i, i + 1, { k: "word", word: share.percent ? "percent" : "fraction", phrase: t.text, chunk: c });
    else if (share && i === end - 1 && tokens[i + 1]?.normal !== "of")
      emit("PERCENT", i, i + 1, { k: "word", word: share.percent ? "percent" : "fraction", phrase: t.text, chunk: c });
    if (DISTINCT_WORDS.has(t.normal))
      emit("DISTINCT", i, i + 1, { k: "word", word: "distinct", phrase: t.text, chunk: c });
    const superlative = QUANTITY_SUPERLATIVES[t.normal];
    if (superlative) emit("SUPER", i, i + 1, { k: "super", direction: superlative, phrase: t.text });
    if (t.number && !t.time) emit("NUM", i, i + 1, { k: "number", value: t.number.value, phrase: t.text });
    // "orders.amount", "customers.country": a column named exactly, with its table.
    if (t.identifier?.style === "dotted") {
      const senses = qualifiedColumn(t.text, lexicon);
      if (senses.length > 0) {
        emitSenses(i, i + 1, senses);
        continue;
      }
    }
    const unit = CALENDAR_UNITS[t.normal] ?? CALENDAR_UNITS[lemmaOf(t)];
    if (unit) emit("BUCKET", i, i + 1, { k: "bucket", bucket: unit, phrase: t.text });
    const named = unitOfWord(t, tokens[i - 1]);
    if (named) emit("UNIT", i, i + 1, { k: "word", word: named, phrase: t.text, chunk: c });
    if (t.pos === "DET" && (t.normal === "each" || t.normal === "every"))
      emit("EACH", i, i + 1, { k: "word", word: t.normal, phrase: t.text, chunk: c });
    // Phrases of the model, longest first; every length is kept as a candidate.
    let grounded = false;
    for (let j = Math.min(end, i + lexicon.longest); j > i; j--) {
      for (const key of spanKeys(tokens.slice(i, j))) {
        const senses = lexicon.phrases.get(key);
        if (senses) {
          emitSenses(i, j, senses);
          grounded = true;
          readUntil = Math.max(readUntil, j);
        }
      }
    }
    // Values of the data ("London", "Iron Maiden", "jazz"): quoted or capitalised words first.
    for (let j = Math.min(end, i + MAX_VALUE_WORDS); j > i; j--) {
      const span = tokens.slice(i, j);
      if (
        span.some((w) => FUNCTION_POS.has(w.pos) && w.pos !== "ADP" && w.pos !== "DET") &&
        !span.every((w) => w.possibleValue)
      )
        continue;
      const raw = span.length === 1 && span[0].quoted ? span[0].quoted.inner : text(i, j);
      // A lone letter ("starts with B") is never guessed to be a stored value unless quoted.
      if (span.length === 1 && !span[0].quoted && raw.length === 1) continue;
      // A value matched by its words only ("gift cards" for `gift_card`) is no reading of words that name a table or column.
      const named = spanKeys(span).some((k) => lexicon.phrases.has(k));
      const matches = lexicon.values(raw).filter((m) => !m.loose || !named);
      if (matches.length === 0) continue;
      const strength = span.every((w) => w.possibleValue) ? STRENGTH.value : STRENGTH.synonym;
      emitSenses(
        i,
        j,
        matches.map((m) => ({
          meaning: valueMeaning(lexicon, m),
          strength: m.loose ? Math.min(strength, STRENGTH.looseValue) : strength,
        })),
      );
      grounded = true;
      // "United States": the later words of a stored value are read with it, never respelled ("States" → status).
      readUntil = Math.max(readUntil, j);
    }
    if (
      !grounded &&
      // A word inside a phrase read from an earlier word ("type" of "media type") is read.
      i >= readUntil &&
      !FUNCTION_POS.has(t.pos) &&
      !t.number &&
      !agg &&
      !superlative &&
      !unit &&
      !named &&
      !isDimensionAdjective(tokens, i) &&
      !FILLER_WORDS.has(t.normal) &&
      t.normal.length >= 4
    ) {
      // A spelling a person confirmed reads as the word itself would, alone or in a phrase.
      const confirmed = spellings[t.text.toLowerCase()];
      const confirmedPhrases = confirmed ? phrasesWith(tokens, i, confirmed, c.tokens, lexicon) : [];
      if (confirmedPhrases.length > 0) {
        for (const p of confirmedPhrases) emitSenses(p.start, p.end, p.senses);
        continue;
      }
      // Against the word as written too: a typo's lemma may be another word ("biling" → "bile", "staus" → "stau").
      const near = lexicon.words
        .map((w) => ({ word: w, distance: Math.min(editDistance(w, keyOf(t)), editDistance(w, t.normal)) }))
        .filter((n) => n.distance >= 1 && n.distance <= (t.normal.length >= 7 ? 2 : 1));
      const known: Misspelling["near"] = [];
      for (const { word: w, distance } of near) {
        const found = phrasesWith(tokens, i, w, c.tokens, lexicon);
        for (const p of found)
          emitSenses(
            p.start,
            p.end,
            p.senses.map((s) => ({ ...s, strength: STRENGTH.fuzzy })),
          );
        if (found.length > 0) {
          fuzzy.push(`${t.text} → ${w}`);
          known.push({ word: w, distance, phrase: found[0].key });
        }
      }
      if (known.length > 0)
        misspellings.push({ text: t.text, near: known.sort((a, b) => a.distance - b.distance), english: t.known });
    }
  }
}

/**
 * The model's phrases that the word at `at`, read as `word`, makes with its neighbours in the
 * noun phrase: the word alone ("staus" as "status"), or with the words around it ("biling
 * country" as "billing country").
 */
function phrasesWith(
  tokens: AnnotatedToken[],
  at: number,
  word: string,
  within: { start: number; end: number },
  lexicon: Lexicon,
): { start: number; end: number; key: string; senses: Sense[] }[] {
  const read: AnnotatedToken = { ...tokens[at], text: word, normal: word, lemma: word, alternative: undefined };
  const found: { start: number; end: number; key: string; senses: Sense[] }[] = [];
  for (let start = Math.max(within.start, at - lexicon.longest + 1); start <= at; start++)
    for (let end = at + 1; end <= Math.min(within.end, start + lexicon.longest); end++) {
      const span = tokens.slice(start, end).map((t) => (t.index === at ? read : t));
      for (const key of spanKeys(span)) {
        const senses = lexicon.phrases.get(key);
        if (senses) found.push({ start, end, key, senses });
      }
    }
  // The longest phrase first: it names what the word stands for most exactly.
  return found.sort((a, b) => b.end - b.start - (a.end - a.start));
}

/** Levenshtein distance with an adjacent swap counted once ("categroy" → "category"). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The senses of `table.column` (or `schema.table.column`): the column's own, on that table only. */
function qualifiedColumn(text: string, lexicon: Lexicon): Sense[] {
  const named = qualifiedName(text, lexicon);
  if (!named) return [];
  const { entity, column } = named;
  const senses = [...lexicon.phrases.values()]
    .flat()
    .filter((s) => s.meaning.entity === entity && meaningColumn(s.meaning)?.toLowerCase() === column);
  const unique = senses.filter((s, i) => senses.findIndex((o) => o.meaning === s.meaning) === i);
  return unique.map((s) => ({ meaning: s.meaning, strength: STRENGTH.name }));
}
