import { makeQuestion, rephraseChoice, type PlanQuestion } from "@/lib/planner/questions";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { readSpecPlainly } from "@/lib/spec/plain-reading";
import type { Misspelling } from "./ground";
import type { Lexicon } from "./lexicon";
import type { Meaning } from "./senses";

/**
 * One question per misspelled word: which of the model's words it stands for, nearest spelling
 * first, each with what that word names in the warehouse.
 */
export function spellingQuestions(misspellings: Misspelling[], lexicon: Lexicon): PlanQuestion[] {
  const seen = new Set<string>();
  return misspellings.flatMap(({ text, near }) => {
    if (seen.has(text.toLowerCase())) return [];
    seen.add(text.toLowerCase());
    const choices = near.map(({ word, phrase = word }, i) => ({
      id: `c${i + 1}`,
      label: word,
      reading: readingOfSpelling(text, word, phrase, lexicon),
      word,
    }));
    return [
      makeQuestion({
        kind: "spelling",
        phrase: text,
        text: `"${text}" is not a word ${near.some((n) => lexicon.phrases.has(n.phrase ?? n.word)) ? "of this warehouse" : "the planner reads"}. Which word did you mean?`,
        choices: [...choices, rephraseChoice()],
      }),
    ];
  });
}

/** "read "biling" as "billing" (billing country): invoice.billing_country"; a grammar word names nothing. */
function readingOfSpelling(text: string, word: string, phrase: string, lexicon: Lexicon): string {
  const names = (lexicon.phrases.get(phrase) ?? []).map((s) => nameMeaning(s.meaning));
  const read = `read "${text}" as "${word}"${phrase === word ? "" : ` (${phrase})`}`;
  return names.length > 0 ? `${read}: ${names.join(" or ")}` : read;
}

/**
 * A question between readings that build different tables, likeliest first. It is about the
 * words whose reading differs: the words of a differing measure or filter before those of
 * groups or tables, which follow from them.
 */
export function readingQuestion(prompt: string, specs: EtlSpec[]): PlanQuestion {
  const phrase = differingPhrase(prompt, specs);
  const choices = specs.map((spec, i) => ({
    id: `c${i + 1}`,
    label: readingOfPhrase(spec, phrase) ?? readSpecPlainly(spec),
    reading: readSpecPlainly(spec),
    spec,
  }));
  // Two choices that read the words alike differ elsewhere: their whole readings tell them apart.
  const labels = new Set(choices.map((c) => c.label));
  const distinct = labels.size === choices.length ? choices : choices.map((c) => ({ ...c, label: c.reading }));
  return makeQuestion({
    kind: "reading",
    phrase,
    text: `"${phrase}" can be read in ${specs.length} ways that build different tables. Which did you mean?`,
    choices: [...distinct, rephraseChoice()],
  });
}

type Clause = { phrase: string; content: string; weight: number };

/** Every clause of a spec with the words it came from; measures and filters weigh most. */
function clausesOf(spec: EtlSpec): Clause[] {
  const tableOf = new Map(spec.sources.map((s) => [s.alias, s.table]));
  const content = (value: unknown) =>
    JSON.stringify(value, (key, v) =>
      key === "phrase" || key === "renamePhrase" || key === "name"
        ? undefined
        : key === "source" && typeof v === "string"
          ? (tableOf.get(v) ?? v)
          : v,
    );
  return [
    ...spec.columns.map((c) => ({
      phrase: c.phrase,
      content: content(c.expr),
      weight: c.expr.kind === "aggregate" ? 2 : 0,
    })),
    ...spec.filters.map((f) => ({ phrase: f.phrase, content: content(f), weight: 2 })),
    ...spec.grain.map((g) => ({ phrase: g.phrase, content: content(g), weight: 1 })),
    ...spec.having.map((h) => ({ phrase: h.phrase, content: content(h), weight: 1 })),
    ...spec.sources.map((s) => ({ phrase: s.phrase, content: s.table, weight: 0 })),
  ].filter((c) => c.phrase.trim() !== "");
}

function differingPhrase(prompt: string, specs: EtlSpec[]): string {
  const byPhrase = specs.map((spec) => {
    const map = new Map<string, { contents: string[]; weight: number }>();
    for (const c of clausesOf(spec)) {
      const entry = map.get(c.phrase) ?? { contents: [], weight: 0 };
      entry.contents.push(c.content);
      entry.weight = Math.max(entry.weight, c.weight);
      map.set(c.phrase, entry);
    }
    return map;
  });
  const phrases = [...new Set(byPhrase.flatMap((m) => [...m.keys()]))];
  const differing = phrases
    .filter((p) => new Set(byPhrase.map((m) => JSON.stringify(m.get(p)?.contents.sort() ?? []))).size > 1)
    .map((p) => ({
      phrase: p,
      weight: Math.max(...byPhrase.map((m) => m.get(p)?.weight ?? 0)),
      at: prompt.toLowerCase().indexOf(p.toLowerCase()),
    }));
  differing.sort(
    (a, b) => b.weight - a.weight || (a.at < 0 ? 1 : b.at < 0 ? -1 : a.at - b.at) || a.phrase.length - b.phrase.length,
  );
  return differing[0]?.phrase ?? prompt;
}

/** What `phrase` reads as in `spec`: its measure's column, its filter, its group or its table. */
function readingOfPhrase(spec: EtlSpec, phrase: string): string | undefined {
  const tableOf = new Map(spec.sources.map((s) => [s.alias, s.table]));
  const ref = (c: { source: string; column: string }) => `${tableOf.get(c.source) ?? c.source}.${c.column}`;
  for (const c of spec.columns) {
    if (c.phrase !== phrase || c.expr.kind !== "aggregate") continue;
    if (c.expr.arg.kind === "column") return ref(c.expr.arg.column);
    if (c.expr.arg.kind === "star") return `${spec.sources[0].table} rows`;
  }
  const filter = spec.filters.find((f) => f.phrase === phrase);
  if (filter)
    return readSpecPlainly({
      ...spec,
      columns: spec.columns.slice(0, 1),
      grain: [],
      having: [],
      orderBy: [],
      limit: undefined,
      filters: [filter],
    }).replace(/^.*? where /, "");
  const group = spec.grain.find((g) => g.phrase === phrase);
  if (group) return `${group.bucket ? `${group.bucket} of ` : ""}${ref(group.column)}`;
  return spec.sources.find((s) => s.phrase === phrase)?.table;
}

function nameMeaning(meaning: Meaning): string {
  const table = meaning.entity.table.split(".").pop();
  switch (meaning.kind) {
    case "entity":
      return `the ${table} table`;
    case "measure":
      return `${table}.${meaning.measure.column}`;
    case "dimension":
      return `${table}.${meaning.dimension.column}`;
    case "time":
      return `${table}.${meaning.time.column}`;
    case "flag":
      return `${table}.${meaning.flag.column}`;
    case "value":
      return `${table}.${meaning.column} = '${meaning.value}'`;
    case "role":
      return `the ${table} table, as a role`;
    case "formula":
      return `${meaning.phrase}, computed on ${table}`;
  }
}
