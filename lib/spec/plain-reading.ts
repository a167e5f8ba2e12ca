import { isExistsFilter, type ColumnFilter, type ColumnRef, type Filter, type GrainKey } from "./clauses";
import { COMPARISONS, describeCondition } from "./plain-sentences";
import type { EtlSpec } from "./etl-spec";
import type { OutputColumn } from "./output-column";
import { rowsKept } from "@/lib/spec/rows-kept";

const FUNCTION_WORDS = {
  sum: "total",
  count: "number",
  count_distinct: "number of distinct",
  avg: "average",
  min: "lowest",
  max: "highest",
} as const;

/**
 * A spec in one line of plain English ("total orders.amount per month of orders.order_date"),
 * naming tables and columns as the warehouse does, so two readings of one request can be told
 * apart at a glance. Sources are named by table, never by alias.
 */
export function readSpecPlainly(spec: EtlSpec): string {
  const tableOf = new Map(spec.sources.map((s) => [s.alias, s.table]));
  const ref = (c: ColumnRef) => `${tableOf.get(c.source) ?? c.source}.${c.column}`;
  const measures = spec.columns
    .filter((c) => c.expr.kind === "aggregate")
    .map((c) => describeAggregate(c, ref, spec.sources[0].table));
  const listed = spec.columns.filter((c) => c.expr.kind !== "aggregate" && !spec.grain.some((g) => sameKey(g, c)));
  const parts: string[] = [];
  if (measures.length > 0) parts.push(measures.join(", "));
  else
    parts.push(
      `${spec.sources[0].table}${listed.length > 0 ? ` (${listed.map((c) => (c.expr.kind === "column" ? ref(c.expr.column) : c.name)).join(", ")})` : ""}`,
    );
  if (spec.grain.length > 0)
    parts.push(
      `per ${spec.grain.map((g) => (g.bucket ? `${g.bucket} of ${ref(g.column)}` : ref(g.column))).join(" and ")}`,
    );
  if (spec.filters.length > 0)
    parts.push(`where ${spec.filters.map((f) => describeFilter(f, ref, tableOf)).join(" and ")}`);
  if (spec.having.length > 0)
    parts.push(`keeping ${spec.having.map((h) => `${h.output} ${COMPARISONS[h.op]} ${h.value}`).join(" and ")}`);
  if (spec.orderBy.length > 0)
    parts.push(
      `${spec.limit ? `top ${rowsKept(spec.limit)} ` : ""}by ${spec.orderBy.map((o) => `${o.output}${o.direction === "desc" ? ", highest first" : ", lowest first"}`).join(", then ")}`,
    );
  else if (spec.limit) parts.push(`first ${rowsKept(spec.limit)}`);
  return parts.join(" ");
}

function describeAggregate(column: OutputColumn, ref: (c: ColumnRef) => string, from: string): string {
  if (column.expr.kind !== "aggregate") return column.name;
  const { fn, arg } = column.expr;
  if (arg.kind === "star") return `number of ${from} rows`;
  const what = arg.kind === "column" ? ref(arg.column) : arg.sql;
  return `${FUNCTION_WORDS[fn]} ${fn === "count" || fn === "count_distinct" ? "of " : ""}${what}`;
}

function sameKey(key: GrainKey, column: OutputColumn): boolean {
  return (
    column.expr.kind === "column" &&
    column.expr.column.source === key.column.source &&
    column.expr.column.column === key.column.column
  );
}

function describeFilter(filter: Filter, ref: (c: ColumnRef) => string, tableOf: Map<string, string>): string {
  if (isExistsFilter(filter)) {
    const related = filter.path[filter.path.length - 1].table;
    const count = filter.minCount && filter.minCount > 1 ? `at least ${filter.minCount} ` : "";
    const narrowed = filter.where?.length
      ? ` where ${filter.where.map((w) => describeCondition({ ...w, column: { source: related, column: w.column.column } })).join(" and ")}`
      : "";
    return `${tableOf.get(filter.source) ?? filter.source} ${filter.op === "exists" ? "have" : "have no"} ${count}${related}${narrowed}`;
  }
  if (filter.op === "expression") return `${filter.sql} ${COMPARISONS[filter.compare]} ${filter.value}`;
  // The review's wording of a condition, with the column named by its table rather than its alias.
  const [table, column] = ref(filter.column).split(".");
  return describeCondition({ ...filter, column: { source: table, column } } as ColumnFilter);
}
