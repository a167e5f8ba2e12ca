import type { EtlSpec } from "@/lib/spec/etl-spec";
import { derivedInputs, isDerivedOutput, type OutputColumn } from "@/lib/spec/output-column";
import { describeAggregateWhere, describeDerived } from "@/lib/spec/describe-derived";

/** A source column as lineage names it: `public.orders` and `amount`. */
export type SourceColumn = { table: string; column: string };

/** Where one output column comes from and how. */
export type ColumnLineage = {
  output: string;
  /** `column` (as is), `time bucket`, `aggregate` or `expression`. */
  transformation: "column" | "time bucket" | "aggregate" | "expression";
  /** The transformation in short: `sum`, `count(*)`, `month`, `orders.quantity * orders.unit_price`. */
  detail: string | null;
  sources: SourceColumn[];
};

/** A clause that shapes every row rather than one column: a filter, a join, a group-by key. */
export type RowLineage = { kind: "filter" | "join" | "grain"; detail: string; sources: SourceColumn[] };

export type SpecLineage = { target: string; columns: ColumnLineage[]; rows: RowLineage[] };

const QUALIFIED = /\b([a-z_][a-z0-9_$]*)\s*\.\s*("?)([a-z_][a-z0-9_$]*)\2/gi;

const fnName = {
  sum: "sum",
  count: "count",
  count_distinct: "count distinct",
  avg: "average",
  min: "min",
  max: "max",
} as const;

/**
 * Column-level lineage read from a spec: each output column with the source columns it is made
 * from and the transformation (as is, a time bucket, an aggregate, an expression), and the
 * filters, joins and group-by keys that decide which rows there are.
 */
export function specLineage(spec: EtlSpec): SpecLineage {
  const tables = new Map(spec.sources.map((s) => [s.alias, `${s.schema}.${s.table}`]));
  const ref = (alias: string, column: string): SourceColumn[] =>
    tables.has(alias) ? [{ table: tables.get(alias)!, column }] : [];
  const inExpression = (sql: string) => [...sql.matchAll(QUALIFIED)].flatMap((m) => ref(m[1], m[3]));
  const unique = (columns: SourceColumn[]) =>
    columns.filter((c, i) => columns.findIndex((d) => d.table === c.table && d.column === c.column) === i);

  const columnOf = ({ name, expr }: OutputColumn): ColumnLineage => {
    // A share or a ratio reads what the outputs it divides read.
    if (expr.kind === "share" || expr.kind === "ratio") {
      const inputs = spec.columns
        .filter((c) => derivedInputs(expr).includes(c.name) && !isDerivedOutput(c.expr))
        .map(columnOf);
      return {
        output: name,
        transformation: "expression",
        detail: describeDerived(expr),
        sources: unique(inputs.flatMap((i) => i.sources)),
      };
    }
    if (expr.kind === "column") {
      return {
        output: name,
        transformation: expr.bucket ? "time bucket" : "column",
        detail: expr.bucket ?? null,
        sources: ref(expr.column.source, expr.column.column),
      };
    }
    if (expr.kind === "expression")
      return { output: name, transformation: "expression", detail: expr.sql, sources: unique(inExpression(expr.sql)) };
    const { arg } = expr;
    const read =
      arg.kind === "column"
        ? ref(arg.column.source, arg.column.column)
        : arg.kind === "expression"
          ? inExpression(arg.sql)
          : [];
    const sources = unique([...read, ...(expr.where ?? []).flatMap((w) => ref(w.column.source, w.column.column))]);
    const detail =
      (arg.kind === "star"
        ? "count(*)"
        : arg.kind === "expression"
          ? `${fnName[expr.fn]}(${arg.sql})`
          : fnName[expr.fn]) + describeAggregateWhere(expr);
    return { output: name, transformation: "aggregate", detail, sources };
  };

  const rows: RowLineage[] = [
    ...spec.filters.map((f) =>
      f.op === "expression"
        ? {
            kind: "filter" as const,
            detail: f.phrase || `${f.sql} ${f.compare} ${f.value}`,
            sources: unique(inExpression(f.sql)),
          }
        : "column" in f
          ? {
              kind: "filter" as const,
              detail: f.phrase || `${f.column.source}.${f.column.column} ${f.op}`,
              sources: ref(f.column.source, f.column.column),
            }
          : // An existence check reads the source row's keys that lead to the related rows.
            {
              kind: "filter" as const,
              detail: f.phrase || `${f.op} ${f.path.map((p) => p.table).join(" → ")}`,
              sources: unique((f.path[0]?.on ?? []).flatMap((k) => ref(f.source, k.left))),
            },
    ),
    ...spec.joins.map((j) => ({
      kind: "join" as const,
      detail: `${j.type} join ${j.right} on ${j.on.map((k) => `${j.left}.${k.left} = ${j.right}.${k.right}`).join(" and ")}`,
      sources: unique(j.on.flatMap((k) => [...ref(j.left, k.left), ...ref(j.right, k.right)])),
    })),
    ...spec.grain.map((g) => ({
      kind: "grain" as const,
      detail: `one row per ${g.column.source}.${g.column.column}${g.bucket ? ` (${g.bucket})` : ""}`,
      sources: ref(g.column.source, g.column.column),
    })),
  ];
  return {
    target: `${spec.target.schema ?? "public"}.${spec.target.table}`,
    columns: spec.columns.map(columnOf),
    rows,
  };
}

/** One edge in words: `public.orders.amount → total_order_amount (sum)`. */
export function describeEdge(source: SourceColumn, column: ColumnLineage): string {
  const how = column.transformation === "column" ? "" : ` (${column.detail ?? column.transformation})`;
  return `${source.table}.${source.column} → ${column.output}${how}`;
}
