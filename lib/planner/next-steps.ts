import { planWithEnglish, type ReadingPlannerInput } from "@/lib/planner/reading";
import { modelOfInput } from "@/lib/planner/reading/model-of-input";
import type { PlanRejection } from "@/lib/planner/types";
import type { VerifiedExample } from "@/lib/planner/verified/plan-from-example";
import type { Entity, SemanticModel } from "@/lib/semantic-model/model-schema";

/** A request DataMorph reads, offered where another one was refused, and why it is offered. */
export type NextStep = { prompt: string; why: string };

const MAX_STEPS = 3;

const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** The request without `phrase`, its spaces and any comma or connective left dangling tidied away. */
function without(prompt: string, phrase: string): string {
  return prompt
    .replace(phrase, " ")
    .replace(/\s+([,.;:])/g, "$1")
    .replace(/(^|[,;]\s*|\s)(?:and|or|with|without|by|for|of|per|in|on|at|to|from)\s*(?=[,;]|$)/gi, "$1")
    .replace(/[,;]\s*(?=[,;]|$)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The entities a request names by their nouns, in the order it names them; every entity when it names none. */
function namedEntities(prompt: string, model: SemanticModel): Entity[] {
  const said = [...(prompt.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
  const firstSaid = (e: Entity) =>
    Math.min(
      ...[e.name, e.plural, ...(e.words ?? [])]
        .filter((w) => [...wordsOf(w)].every((x) => said.includes(x)))
        .map((w) => said.indexOf([...wordsOf(w)][0])),
    );
  const entities = model.entities.filter((e) => !e.link);
  const named = entities.filter((e) => Number.isFinite(firstSaid(e))).sort((a, b) => firstSaid(a) - firstSaid(b));
  return named.length > 0 ? named : entities;
}

// A measure already called by an aggregate ("total") would read "total total per customer".
const AGGREGATE_NAMED = /^(total|sum|average|avg|count|number)\b/;

/** Requests over an entity that the planner reads on any warehouse: counts and totals by what it belongs to, and by month. */
function startersFor(entity: Entity, model: SemanticModel): string[] {
  const parents = model.relationships
    .filter((r) => r.from === entity.table && r.cardinality === "many_to_one")
    .map((r) => model.entities.find((e) => e.table === r.to))
    .filter((e): e is Entity => e !== undefined && !e.link);
  const measure = entity.measures.find((m) => m.defaultAgg === "sum" && !AGGREGATE_NAMED.test(m.words[0]));
  const time = entity.timeDimensions.find((t) => t.default) ?? entity.timeDimensions[0];
  return [
    ...parents.flatMap((parent) => [
      ...(measure ? [`total ${measure.words[0]} per ${parent.name}`] : []),
      `number of ${entity.plural} per ${parent.name}`,
    ]),
    ...(time ? [`number of ${entity.plural} per month`] : []),
    `all ${entity.plural}`,
  ];
}

const MAX_DROPPED = 3;

/** The request with the words it could not read left out, one refused phrase after another, if what is left is read. */
function dropUnread(reading: ReadingPlannerInput, phrase: string): { prompt: string; phrases: string[] } | null {
  const phrases = [phrase];
  let prompt = without(reading.prompt, phrase);
  for (let i = 0; i < MAX_DROPPED; i++) {
    const read = planWithEnglish({ ...reading, prompt, answers: undefined });
    if (read.ok) return { prompt, phrases };
    if (!read.phrase || read.phrase.trim() === prompt.trim() || !prompt.includes(read.phrase)) return null;
    phrases.push(read.phrase);
    prompt = without(prompt, read.phrase);
  }
  return null;
}

/**
 * Requests to offer beside a refusal, each one the planner reads on this warehouse, likeliest
 * first: the request without the words it could not read; the near names the refusal suggests
 * in their place; verified requests that share its words; then simple requests about the tables
 * it names. Each is planned before it is offered, so a click never leads to another refusal.
 */
export function suggestNextSteps({
  reading,
  rejection,
  examples = [],
}: {
  reading: ReadingPlannerInput;
  rejection: PlanRejection;
  examples?: VerifiedExample[];
}): NextStep[] {
  const { prompt } = reading;
  const tried = new Set([prompt.trim().toLowerCase()]);
  const steps: NextStep[] = [];
  const offer = (candidate: string, why: string) => {
    const key = candidate.trim().toLowerCase();
    if (steps.length >= MAX_STEPS || key.length < 3 || tried.has(key)) return;
    tried.add(key);
    if (planWithEnglish({ ...reading, prompt: candidate, answers: undefined }).ok)
      steps.push({ prompt: candidate, why });
  };
  const phrase = rejection.phrase;
  if (phrase && phrase.trim() !== prompt.trim() && prompt.includes(phrase)) {
    for (const candidate of rejection.candidates ?? [])
      offer(prompt.replace(phrase, candidate), `"${candidate}" in place of "${phrase}"`);
    const dropped = dropUnread(reading, phrase);
    if (dropped) offer(dropped.prompt, `without ${dropped.phrases.map((p) => `"${p}"`).join(", ")}`);
  }
  const said = wordsOf(prompt);
  const shared = (text: string) => [...wordsOf(text)].filter((w) => said.has(w)).length;
  for (const example of examples
    .filter((e) => shared(e.prompt) > 0)
    .sort((a, b) => shared(b.prompt) - shared(a.prompt)))
    offer(example.prompt, "a verified request");
  const model = modelOfInput(reading);
  for (const entity of namedEntities(prompt, model))
    for (const starter of startersFor(entity, model)) offer(starter, `a request about ${entity.plural}`);
  return steps;
}
