import type { Entity } from "@/lib/semantic-model/model-schema";
import type { AggregateFn } from "@/lib/spec/output-column";
import { snake } from "./build-sources";
import type { Part } from "./parts";

const PREFIX: Record<AggregateFn, string> = {
  sum: "total",
  avg: "avg",
  min: "min",
  max: "max",
  count: "count",
  count_distinct: "distinct",
};
const KIND: Partial<Record<AggregateFn, string>> = {
  sum: "totals",
  count: "counts",
  count_distinct: "counts",
  avg: "averages",
  min: "minimums",
  max: "maximums",
};

const wordsOf = (phrase: string) =>
  phrase
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The request says the rows' noun with the column ("total order amount"), or in its place ("fine
 * totals", "the largest loan"), and the column's name does not already say it.
 */
function saysEntity(entity: Entity, column: string, phrase: string): boolean {
  const said = ` ${wordsOf(phrase).join(" ")} `;
  const columnWords = column.split("_").join(" ");
  const nouns = [entity.name, entity.plural].map((n) => wordsOf(n).join(" "));
  const before = nouns.some((n) => said.includes(` ${n} ${columnWords} `));
  const inPlace = !said.includes(` ${columnWords} `) && nouns.some((n) => said.includes(` ${n} `));
  return (before || inPlace) && !column.startsWith(`${snake(entity.name)}_`);
}

/**
 * An aggregate's column, in the request's words where it names the rows' noun: "total order amount" →
 * `total_order_amount`, "average amount" → `avg_amount`.
 */
export function measureName(fn: AggregateFn, column: string, entity: Entity, phrase: string, suffix?: string): string {
  const base = saysEntity(entity, column, phrase) ? `${snake(entity.name)}_${column}` : column;
  const prefixed = fn === "sum" && (base === "total" || base.startsWith("total_")) ? base : `${PREFIX[fn]}_${base}`;
  return snake(suffix ? `${prefixed}_${suffix}` : prefixed);
}

/** "order_count" for "number of orders"; `distinct_product_count` when the request asks for different ones. */
export function countName(entity: Entity, distinctAsked: boolean): string {
  return snake(`${distinctAsked ? "distinct_" : ""}${entity.name}_count`);
}

/**
 * The table's name when the request gives none: what it is grouped by, the measured rows' noun and
 * what is computed ("customer_order_totals", "month_order_counts"); a list keeps its own name.
 */
export function derivedTargetName(parts: {
  grain: string[];
  measured?: Entity;
  fns: AggregateFn[];
  fallback: string;
}): string {
  const kinds = [...new Set(parts.fns.map((f) => KIND[f] ?? "summary"))];
  if (parts.grain.length === 0 || kinds.length === 0) return snake(parts.fallback).slice(0, 50);
  const words = [...parts.grain];
  const noun = parts.measured && snake(parts.measured.name);
  if (noun && !words.includes(noun)) words.push(noun);
  words.push(kinds.length > 1 ? "summary" : kinds[0]);
  return snake(words.join("_")).slice(0, 50);
}

/** The word a group gives a table's name: "customer", "month", "country", "support_rep". */
export function grainWord(g: Extract<Part, { k: "grain" }>): string {
  if (g.bucket) return g.bucket;
  const a = g.attr;
  if (a?.kind === "dimension") return a.dimension.column;
  if (a?.kind === "time") return a.time.column;
  if (a?.kind === "measure") return a.measure.column;
  if (g.entity) return snake(g.entity.name);
  return snake(g.phrase);
}
