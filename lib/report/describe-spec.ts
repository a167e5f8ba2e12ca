import { isExistsFilter, type ColumnFilter, type ColumnRef, type ExistsFilter, type Filter } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { describeCondition } from "@/lib/spec/plain-sentences";
import { describeAggregateWhere, describeDerived } from "@/lib/spec/describe-derived";
import type { AggregateArg, OutputColumn } from "@/lib/spec/output-column";
import { rowsKept } from "@/lib/spec/rows-kept";

/** One clause of the spec in words, beside the words of the prompt it came from. */
export type ClauseLine = { text: string; phrase: string };

/** A spec clause group ("Sources", "Joins"…) with its lines; empty groups are left out. */
export type ClauseGroup = { title: string; lines: ClauseLine[] };

/** One output column: its name, how it is computed, and why. */
export type ColumnLine = { name: string; definition: string; phrase: string };

const ref = (column: ColumnRef) => `${column.source}.${column.column}`;

function describeFilter(filter: Filter): string {
  if (filter.op === "expression") return `${filter.sql} ${filter.compare} ${filter.value}`;
  return isExistsFilter(filter) ? describeExistsFilter(filter, describeCondition) : describeCondition(filter);
}

/**
 * An existence check in words: "customers have no orders (through orders) where orders.status
 * = 'returned'", "customers have at least 3 orders". `condition` words each condition.
 */
export function describeExistsFilter(filter: ExistsFilter, condition: (f: ColumnFilter) => string): string {
  const last = filter.path[filter.path.length - 1];
  const through = filter.path.slice(0, -1).map((s) => s.table);
  const n = filter.minCount ?? 1;
  const amount = filter.op === "exists" ? (n > 1 ? `at least ${n}` : "at least one") : n > 1 ? `fewer than ${n}` : "no";
  const where = (filter.where ?? []).map(condition);
  return [
    `${filter.source} has ${amount} ${last.schema}.${last.table} row${amount === "at least one" ? "" : "s"}`,
    through.length ? ` (through ${through.join(", ")})` : "",
    where.length ? ` where ${where.join(" and ")}` : "",
  ].join("");
}

function describeArg(arg: AggregateArg): string {
  if (arg.kind === "star") return "*";
  return arg.kind === "column" ? ref(arg.column) : arg.sql;
}

/** How a column is computed, in SQL-like words: `sum(o.amount)`, `month of o.order_date`. */
export function describeColumn(column: OutputColumn): string {
  const expr = column.expr;
  if (expr.kind === "column") return expr.bucket ? `${expr.bucket} of ${ref(expr.column)}` : ref(expr.column);
  if (expr.kind === "expression") return expr.sql;
  if (expr.kind === "share" || expr.kind === "ratio") return describeDerived(expr);
  const call =
    (expr.fn === "count_distinct"
      ? `count(distinct ${describeArg(expr.arg)})`
      : `${expr.fn}(${describeArg(expr.arg)})`) + describeAggregateWhere(expr);
  return expr.zeroIfEmpty ? `${call}, 0 when there are no rows` : call;
}

/** The spec's clauses as readable lines, in the order a query reads them. */
export function describeSpec(spec: EtlSpec): { groups: ClauseGroup[]; columns: ColumnLine[] } {
  const aliasOf = new Map(spec.sources.map((s) => [s.alias, s]));
  const groups: ClauseGroup[] = [
    {
      title: "Target",
      lines: [
        {
          text: `${spec.target.schema ? `${spec.target.schema}.` : ""}${spec.target.table}`,
          phrase: spec.target.phrase,
        },
      ],
    },
    {
      title: "Sources",
      lines: spec.sources.map((s) => ({
        text: `${s.schema}.${s.table} as ${s.alias}${s.distinct ? " (distinct rows)" : ""}`,
        phrase: s.phrase,
      })),
    },
    {
      title: "Joins",
      lines: spec.joins.map((j) => {
        const right = aliasOf.get(j.right);
        const table = right ? ` (${right.schema}.${right.table})` : "";
        return {
          text: `${j.type} join ${j.right}${table} on ${j.on.map((k) => `${j.left}.${k.left} = ${j.right}.${k.right}`).join(" and ")}`,
          phrase: j.phrase,
        };
      }),
    },
    { title: "Filters", lines: spec.filters.map((f) => ({ text: describeFilter(f), phrase: f.phrase })) },
    {
      title: "Grain (one row per)",
      lines: spec.grain.length
        ? spec.grain.map((g) => ({
            text: g.bucket ? `${g.bucket} of ${ref(g.column)}` : ref(g.column),
            phrase: g.phrase,
          }))
        : [
            {
              text: spec.columns.some((c) => c.expr.kind === "aggregate")
                ? "one summary row"
                : "one row per source row",
              phrase: "",
            },
          ],
    },
    { title: "Having", lines: spec.having.map((h) => ({ text: `${h.output} ${h.op} ${h.value}`, phrase: h.phrase })) },
    { title: "Order by", lines: spec.orderBy.map((o) => ({ text: `${o.output} ${o.direction}`, phrase: o.phrase })) },
    { title: "Limit", lines: spec.limit ? [{ text: rowsKept(spec.limit), phrase: spec.limit.phrase }] : [] },
    { title: "Distinct", lines: spec.distinct ? [{ text: "each output row kept once", phrase: "" }] : [] },
  ];
  return {
    groups: groups.filter((g) => g.lines.length > 0),
    columns: spec.columns.map((c) => ({
      name: c.name,
      definition: describeColumn(c),
      phrase: [c.phrase, c.renamePhrase].filter(Boolean).join(" / "),
    })),
  };
}
