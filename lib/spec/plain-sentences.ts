import {
  isExistsFilter,
  type ColumnFilter,
  type ColumnRef,
  type ComparisonOp,
  type ExistsFilter,
  type Filter,
  type Literal,
} from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { AggregateArg, OutputColumn } from "@/lib/spec/output-column";
import { rowsKept } from "@/lib/spec/rows-kept";

/**
 * One clause of a spec in plain English. `clause` names where it lives in the spec
 * (`sources.0`, `joins.1`, `filters.2`, `columns.0`, `grain`, `having.0`, `orderBy.0`, `limit`,
 * `target`, `distinct`), so an editor or an error message can point at it; `phrase` is the
 * words of the request it was read from ("" when it was implied).
 */
export type SpecSentence = { clause: string; sentence: string; phrase: string };

const ref = (column: ColumnRef) => `${column.source}.${column.column}`;
const literal = (value: Literal) => (typeof value === "string" ? `“${value}”` : String(value));
const list = (words: string[]) =>
  words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

export const COMPARISONS: Record<ComparisonOp, string> = {
  "=": "is",
  "!=": "is not",
  "<": "is less than",
  "<=": "is at most",
  ">": "is more than",
  ">=": "is at least",
};

/** A condition on one column, as the words after "where": `orders.status is “shipped”`. */
export function describeCondition(filter: ColumnFilter): string {
  const column = ref(filter.column);
  switch (filter.op) {
    case "starts_with":
      return `${column} starts with ${literal(filter.text)}`;
    case "ends_with":
      return `${column} ends with ${literal(filter.text)}`;
    case "contains":
      return `${column} contains ${literal(filter.text)}`;
    case "between":
      return `${column} is between ${literal(filter.low)} and ${literal(filter.high)}`;
    case "in":
      return `${column} is one of ${list(filter.values.map(literal))}`;
    case "not_in":
      return `${column} is none of ${list(filter.values.map(literal))}`;
    case "is_null":
      return `${column} is empty`;
    case "is_not_null":
      return `${column} is not empty`;
    case "date_range": {
      const bounds = [filter.from && `on or after ${filter.from}`, filter.to && `before ${filter.to}`].filter(Boolean);
      return bounds.length ? `${column} is ${bounds.join(" and ")}` : `${column} is any date`;
    }
    default:
      return `${column} ${COMPARISONS[filter.op]} ${literal(filter.value)}`;
  }
}

function describeExists(filter: ExistsFilter): string {
  const last = filter.path[filter.path.length - 1];
  const n = filter.minCount ?? 1;
  const amount = filter.op === "exists" ? (n > 1 ? `at least ${n}` : "at least one") : n > 1 ? `fewer than ${n}` : "no";
  const through =
    filter.path.length > 1
      ? ` (through ${filter.path
          .slice(0, -1)
          .map((s) => s.table)
          .join(", ")})`
      : "";
  const where = (filter.where ?? []).map(describeCondition);
  return `Keep ${filter.source} rows that have ${amount} related ${last.table} row${n > 1 || amount === "no" ? "s" : ""}${through}${where.length ? ` where ${where.join(" and ")}` : ""}.`;
}

function describeFilter(filter: Filter): string {
  if (isExistsFilter(filter)) return describeExists(filter);
  if (filter.op === "expression")
    return `Keep only rows where ${filter.sql} ${COMPARISONS[filter.compare]} ${literal(filter.value)} (computed on ${filter.source}).`;
  return `Keep only rows where ${describeCondition(filter)}.`;
}

const AGGREGATE_WORDS = {
  sum: "the sum of",
  avg: "the average of",
  min: "the smallest",
  max: "the largest",
  count: "the number of",
  count_distinct: "the number of distinct",
} as const;

function describeArg(arg: AggregateArg, fn: keyof typeof AGGREGATE_WORDS): string {
  if (arg.kind === "star") return "rows";
  const what = arg.kind === "column" ? ref(arg.column) : `(${arg.sql})`;
  // "the number of orders.order_id" reads as a count of values; say that nulls are left out.
  return fn === "count" ? `${what} values` : what;
}

/** How an output column is made, as a noun phrase: "the sum of orders.amount". */
export function describeColumnValue(column: OutputColumn): string {
  const expr = column.expr;
  if (expr.kind === "column") return expr.bucket ? `the ${expr.bucket} of ${ref(expr.column)}` : ref(expr.column);
  if (expr.kind === "expression") return `computed as ${expr.sql}`;
  const unit = (percent: boolean) => (percent ? ", as a percentage" : "");
  if (expr.kind === "share") return `each row's share of the total of ${expr.of}${unit(expr.percent)}`;
  if (expr.kind === "ratio") return `${expr.numerator} divided by ${expr.denominator}${unit(expr.percent)}`;
  const counted = expr.where ? ` over the rows where ${list(expr.where.map(describeCondition))}` : "";
  const value = `${AGGREGATE_WORDS[expr.fn]} ${describeArg(expr.arg, expr.fn)}${counted}`;
  return expr.zeroIfEmpty ? `${value}, 0 when there are none` : value;
}

function describeJoin(spec: EtlSpec, index: number): string {
  const join = spec.joins[index];
  const right = spec.sources.find((s) => s.alias === join.right);
  const table = right ? `${right.schema}.${right.table}` : join.right;
  const named = right && right.table !== join.right ? `${join.right} (${table})` : table;
  const keys = list(join.on.map((k) => `${join.left}.${k.left} = ${join.right}.${k.right}`));
  const keep =
    join.type === "left" ? `keeping every ${join.left} row, even without a match` : "keeping only rows that match";
  return `Join ${named} where ${keys}, ${keep}.`;
}

function describeSource(spec: EtlSpec, index: number): string {
  const source = spec.sources[index];
  const named =
    source.alias === source.table
      ? `${source.schema}.${source.table}`
      : `${source.schema}.${source.table} (as ${source.alias})`;
  const distinct = source.distinct ? ", each distinct row once" : "";
  return index === 0 ? `Start from the rows of ${named}${distinct}.` : `Read ${named}${distinct}.`;
}

/**
 * The spec as plain sentences, one per clause, in the order a person reads a query: target,
 * sources and joins, output columns, filters, grouping, group conditions, order and limit. A pure
 * function of the spec, so the review screen, the CLI and any later reading of a choice agree.
 */
export function describeSpec(spec: EtlSpec): SpecSentence[] {
  const sentences: SpecSentence[] = [];
  const add = (clause: string, sentence: string, phrase = "") => sentences.push({ clause, sentence, phrase });
  const target = `${spec.target.schema ? `${spec.target.schema}.` : ""}${spec.target.table}`;
  // A name given with the request (the form's box, --target) is not words of the request.
  const named = spec.target.phrase === "--target";
  add(
    "target",
    `Build the table ${target}${named ? ", the name given with the request" : ""}.`,
    named ? "" : spec.target.phrase,
  );
  spec.sources.forEach((source, i) => {
    // A joined source is worded by its join; only the first one stands alone.
    if (i === 0) add("sources.0", describeSource(spec, 0), source.phrase);
  });
  spec.joins.forEach((join, i) =>
    add(`joins.${i}`, describeJoin(spec, i), [spec.sources[i + 1]?.phrase, join.phrase].filter(Boolean).join(" / ")),
  );
  spec.columns.forEach((column, i) =>
    add(
      `columns.${i}`,
      `Column ${column.name}: ${describeColumnValue(column)}.`,
      [column.phrase, column.renamePhrase].filter(Boolean).join(" / "),
    ),
  );
  spec.filters.forEach((filter, i) => add(`filters.${i}`, describeFilter(filter), filter.phrase));
  const aggregated = spec.columns.some((c) => c.expr.kind === "aggregate");
  if (spec.grain.length > 0) {
    const keys = spec.grain.map((g) => (g.bucket ? `${g.bucket} of ${ref(g.column)}` : ref(g.column)));
    add(
      "grain",
      `One row for each ${list(keys)}.`,
      spec.grain
        .map((g) => g.phrase)
        .filter(Boolean)
        .join(" / "),
    );
  } else if (aggregated) add("grain", "One summary row over all the rows.");
  spec.having.forEach((h, i) =>
    add(`having.${i}`, `Keep only groups where ${h.output} ${COMPARISONS[h.op]} ${h.value}.`, h.phrase),
  );
  spec.orderBy.forEach((o, i) =>
    add(`orderBy.${i}`, `Sort by ${o.output}, ${o.direction === "desc" ? "highest" : "lowest"} first.`, o.phrase),
  );
  if (spec.limit) add("limit", `Keep the first ${rowsKept(spec.limit)}.`, spec.limit.phrase);
  if (spec.distinct) add("distinct", "List each output row once.");
  return sentences;
}
