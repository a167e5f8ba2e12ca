import type { Scope } from "@/lib/codegen/scope";
import { columnFilterSql } from "@/lib/codegen/sql-filter";
import { aggregateArgSql, outputExprSql } from "@/lib/codegen/sql-expression";
import type { OutputExpr } from "@/lib/spec/output-column";

type Aggregate = Extract<OutputExpr, { kind: "aggregate" }>;
type Derived = Extract<OutputExpr, { kind: "share" | "ratio" }>;

/** The conditions of a conditional aggregate, ANDed, or undefined when it reads every row. */
function conditionSql(expr: Aggregate, scope: Scope): string | undefined {
  return expr.where?.map((w) => columnFilterSql(w, scope)).join(" AND ");
}

/**
 * The value an aggregate adds up for one source row: its argument, or NULL where a conditional
 * aggregate's conditions do not hold (so sum, avg and count skip the row). `*` reads as 1 there.
 */
export function aggregateValueSql(expr: Aggregate, scope: Scope): string {
  const condition = conditionSql(expr, scope);
  if (!condition) return aggregateArgSql(expr.arg, scope);
  return `CASE WHEN ${condition} THEN ${expr.arg.kind === "star" ? "1" : aggregateArgSql(expr.arg, scope)} END`;
}

/** SQL of a share or a ratio, from the SQL of the aggregate outputs it divides. */
function derivedSql(expr: Derived, sqlOf: (name: string) => string): string {
  const scale = expr.percent ? " * 100" : "";
  if (expr.kind === "share")
    return `CAST(${sqlOf(expr.of)} AS numeric)${scale} / NULLIF(sum(${sqlOf(expr.of)}) OVER (), 0)`;
  return `CAST(${sqlOf(expr.numerator)} AS numeric)${scale} / NULLIF(${sqlOf(expr.denominator)}, 0)`;
}

/**
 * SQL of one output column's value: plain columns, expressions and aggregates as
 * `outputExprSql` writes them, a conditional aggregate with its FILTER clause, and shares and
 * ratios over the SQL of the outputs they name (`sqlOf`).
 */
export function outputValueSql(expr: OutputExpr, scope: Scope, sqlOf: (name: string) => string): string {
  if (expr.kind === "share" || expr.kind === "ratio") return derivedSql(expr, sqlOf);
  if (expr.kind !== "aggregate" || !expr.where) return outputExprSql(expr, scope);
  const plain = outputExprSql({ ...expr, where: undefined, zeroIfEmpty: false }, scope);
  const filtered = `${plain} FILTER (WHERE ${conditionSql(expr, scope)})`;
  return expr.zeroIfEmpty ? `COALESCE(${filtered}, 0)` : filtered;
}
