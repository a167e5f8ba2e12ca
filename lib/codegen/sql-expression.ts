import type { ColumnRef } from "@/lib/spec/clauses";
import type { TimeBucket } from "@/lib/spec/clauses";
import type { AggregateArg, AggregateFn, OutputExpr } from "@/lib/spec/output-column";
import type { Scope } from "@/lib/codegen/scope";
import { parseSafeExpression, type SafeExpr } from "@/lib/codegen/safe-expression";
import { quoteIdent, quoteString } from "@/lib/codegen/sql-quote";
import { CodegenError } from "@/lib/codegen/codegen-error";

/** `"alias"."column"`, after checking the column exists in that source. */
export function columnSql(ref: ColumnRef, scope: Scope): string {
  const resolved = scope.column(ref);
  return `${quoteIdent(resolved.source.alias)}.${quoteIdent(resolved.column.name)}`;
}

/** A date column truncated to its bucket; cast back to `date` so buckets read as calendar days. */
export function bucketSql(inner: string, bucket: TimeBucket): string {
  return `CAST(date_trunc('${bucket}', ${inner}) AS date)`;
}

/** Renders an allowlisted expression; division is numeric and yields NULL for a zero divisor. */
export function safeExpressionSql(expr: SafeExpr): string {
  const wrap = (e: SafeExpr) => (e.kind === "binary" ? `(${safeExpressionSql(e)})` : safeExpressionSql(e));
  switch (expr.kind) {
    case "column":
      return `${quoteIdent(expr.ref.source.alias)}.${quoteIdent(expr.ref.column.name)}`;
    case "number":
      return expr.text;
    case "string":
      return quoteString(expr.value);
    case "null":
      return "NULL";
    case "negate":
      return `-${wrap(expr.operand)}`;
    case "cast":
      return `CAST(${safeExpressionSql(expr.operand)} AS ${expr.to})`;
    case "extract":
      return `EXTRACT(${expr.field.toUpperCase()} FROM ${safeExpressionSql(expr.from)})`;
    case "call":
      return `${expr.fn}(${expr.args.map(safeExpressionSql).join(", ")})`;
    case "binary":
      // Integer / integer truncates in Postgres but not in Spark; numeric division keeps both engines equal.
      if (expr.op === "/") {
        const divisor =
          expr.right.kind === "number" && Number(expr.right.text) !== 0
            ? expr.right.text
            : `NULLIF(${wrap(expr.right)}, 0)`;
        return `CAST(${wrap(expr.left)} AS numeric) / ${divisor}`;
      }
      return `${wrap(expr.left)} ${expr.op} ${wrap(expr.right)}`;
  }
}

const AGGREGATE_SQL: Record<AggregateFn, (arg: string) => string> = {
  sum: (a) => `sum(${a})`,
  count: (a) => `count(${a})`,
  count_distinct: (a) => `count(DISTINCT ${a})`,
  avg: (a) => `avg(${a})`,
  min: (a) => `min(${a})`,
  max: (a) => `max(${a})`,
};

/** SQL of the value an aggregate reads (`*` for count(*)). */
export function aggregateArgSql(arg: AggregateArg, scope: Scope): string {
  if (arg.kind === "star") return "*";
  if (arg.kind === "column") return columnSql(arg.column, scope);
  return safeExpressionSql(parseSafeExpression(arg.sql, scope));
}

/** SQL of one output column's value (without its alias); shares and ratios need `outputValueSql`. */
export function outputExprSql(expr: OutputExpr, scope: Scope): string {
  if (expr.kind === "share" || expr.kind === "ratio")
    throw new CodegenError("invalid_spec", `a ${expr.kind} is computed from other outputs`);
  if (expr.kind === "column") {
    const inner = columnSql(expr.column, scope);
    return expr.bucket ? bucketSql(inner, expr.bucket) : inner;
  }
  if (expr.kind === "expression") return safeExpressionSql(parseSafeExpression(expr.sql, scope));
  const sql = AGGREGATE_SQL[expr.fn](aggregateArgSql(expr.arg, scope));
  return expr.zeroIfEmpty ? `COALESCE(${sql}, 0)` : sql;
}
