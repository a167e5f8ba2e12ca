import { isExistsFilter, type ColumnFilter, type ColumnRef, type Filter, type GrainKey } from "./clauses";
import type { EtlSpec } from "./etl-spec";
import type { OutputColumn } from "./output-column";

const FUNCTION_WORDS = { sum: "total", count: "number", count_distinct: "number of distinct", avg: "average", min: "lowest", max: "highest" } as const;
const OPERATOR_WORDS = { "=": "is", "!=": "is not", "<": "is below", "<=": "is at most", ">": "is above", ">=": "is at least" } as const;

/**
 * A spec in one line of plain English ("total orders.amount per month of orders.order_date"),
 * naming tables and columns as the warehouse does, so two readings of one request can be told
 * apart at a glance. Sources are named by table, never by alias.
 */
export function readSpecPlainly(spec: EtlSpec): string {
  const tableOf = new Map(spec.sources.map((s) => [s.alias, s.table]));
  const ref = (c: ColumnRef) => `${tableOf.get(c.source) ?? c.source}.${c.column}`;
  const measures = spec.columns.filter((c) => c.expr.kind === "aggregate").map((c) => describeAggregate(c, ref, spec.sources[0].table));
  const listed = spec.columns.filter((c) => c.expr.kind !== "aggregate" && !spec.grain.some((g) => sameKey(g, c)));
  const parts: string[] = [];
  if (measures.length > 0) parts.push(measures.join(", "));
  else parts.push(`${spec.sources[0].table}${listed.length > 0 ? ` (${listed.map((c) => (c.expr.kind === "column" ? ref(c.expr.column) : c.name)).join(", ")})` : ""}`);
  if (spec.grain.length > 0) parts.push(`per ${spec.grain.map((g) => (g.bucket ? `${g.bucket} of ${ref(g.column)}` : ref(g.column))).join(" and ")}`);
  if (spec.filters.length > 0) parts.push(`where ${spec.filters.map((f) => describeFilter(f, ref, tableOf)).join(" and ")}`);
  if (spec.having.length > 0) parts.push(`keeping ${spec.having.map((h) => `${h.output} ${OPERATOR_WORDS[h.op]} ${h.value}`).join(" and ")}`);
  if (spec.orderBy.length > 0) parts.push(`${spec.limit ? `top ${spec.limit.count} ` : ""}by ${spec.orderBy.map((o) => `${o.output}${o.direction === "desc" ? ", highest first" : ", lowest first"}`).join(", then ")}`);
  else if (spec.limit) parts.push(`first ${spec.limit.count} rows`);
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
  return column.expr.kind === "column" && column.expr.column.source === key.column.source && column.expr.column.column === key.column.column;
}

function describeFilter(filter: Filter, ref: (c: ColumnRef) => string, tableOf: Map<string, string>): string {
  if (isExistsFilter(filter)) {
    const related = filter.path[filter.path.length - 1].table;
    const count = filter.minCount && filter.minCount > 1 ? `at least ${filter.minCount} ` : "";
    const narrowed = filter.where?.length ? ` where ${filter.where.map((w) => describeColumnFilter(w, (c) => c.column)).join(" and ")}` : "";
    return `${tableOf.get(filter.source) ?? filter.source} ${filter.op === "exists" ? "have" : "have no"} ${count}${related}${narrowed}`;
  }
  return describeColumnFilter(filter, ref);
}

function describeColumnFilter(filter: ColumnFilter, ref: (c: ColumnRef) => string): string {
  const column = ref(filter.column);
  switch (filter.op) {
    case "between": return `${column} is between ${filter.low} and ${filter.high}`;
    case "in": return `${column} is one of ${filter.values.join(", ")}`;
    case "not_in": return `${column} is none of ${filter.values.join(", ")}`;
    case "is_null": return `${column} is empty`;
    case "is_not_null": return `${column} is filled in`;
    case "date_range": return `${column} is ${filter.from ? `from ${filter.from}` : ""}${filter.from && filter.to ? " " : ""}${filter.to ? `before ${filter.to}` : ""}`;
    default: return `${column} ${OPERATOR_WORDS[filter.op]} ${typeof filter.value === "string" ? `'${filter.value}'` : filter.value}`;
  }
}
