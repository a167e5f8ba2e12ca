import type { AggregateFn, OutputExpr } from "@/lib/spec/output-column";
import type { ColumnFilter, ColumnRef, ExpressionFilter, Literal, TimeBucket } from "@/lib/spec/clauses";
import { CodegenError } from "@/lib/codegen/codegen-error";
import { parseSafeExpression, type SafeExpr } from "@/lib/codegen/safe-expression";
import { columnFamily, type Scope } from "@/lib/codegen/scope";
import { isRealDate } from "@/lib/codegen/sql-filter";

/** A Python string literal (JSON string syntax is valid Python). */
export const py = (text: string): string => JSON.stringify(text);

export function colPy(ref: ColumnRef, scope: Scope): string {
  const r = scope.column(ref);
  return `F.col(${py(`${r.source.alias}.${r.column.name}`)})`;
}

const CASTS: Record<string, string> = {
  numeric: "decimal(38,10)",
  integer: "int",
  bigint: "bigint",
  text: "string",
  date: "date",
};
const EXTRACTS: Record<string, string> = {
  year: "F.year",
  quarter: "F.quarter",
  month: "F.month",
  week: "F.weekofyear",
  day: "F.dayofmonth",
  hour: "F.hour",
  minute: "F.minute",
};

/** The same allowlisted expression as the SQL compiler, as a pyspark Column. */
export function safeExpressionPy(expr: SafeExpr): string {
  switch (expr.kind) {
    case "column":
      return `F.col(${py(`${expr.ref.source.alias}.${expr.ref.column.name}`)})`;
    case "number":
      return `F.lit(${expr.text})`;
    case "string":
      return `F.lit(${py(expr.value)})`;
    case "null":
      return "F.lit(None)";
    case "negate":
      return `(-${safeExpressionPy(expr.operand)})`;
    case "cast":
      return `${safeExpressionPy(expr.operand)}.cast(${py(CASTS[expr.to])})`;
    case "extract":
      if (expr.field === "dow") return `(F.dayofweek(${safeExpressionPy(expr.from)}) - 1)`;
      // The seconds between two instants: Postgres subtracts them to an interval, Spark to seconds.
      if (expr.field === "epoch" && expr.from.kind === "binary" && expr.from.op === "-")
        return `(F.unix_timestamp(${safeExpressionPy(expr.from.left)}) - F.unix_timestamp(${safeExpressionPy(expr.from.right)}))`;
      if (expr.field === "epoch") return `F.unix_timestamp(${safeExpressionPy(expr.from)})`;
      return `${EXTRACTS[expr.field]}(${safeExpressionPy(expr.from)})`;
    case "binary": {
      const left = safeExpressionPy(expr.left);
      const right = safeExpressionPy(expr.right);
      // A date minus a date is a whole number of days in Postgres; Spark needs datediff for that.
      if (expr.op === "-" && isDate(expr.left) && isDate(expr.right)) return `F.datediff(${left}, ${right})`;
      // Matches the SQL side: numeric division, NULL for a zero divisor.
      if (expr.op === "/") return `(${left}.cast("decimal(38,10)") / F.when(${right} != 0, ${right}))`;
      return `(${left} ${expr.op} ${right})`;
    }
    case "call": {
      const args = expr.args.map(safeExpressionPy);
      if (expr.fn === "nullif") return `F.when(${args[0]} == ${args[1]}, F.lit(None)).otherwise(${args[0]})`;
      if (expr.fn === "round")
        return `F.round(${args[0]}, ${expr.args[1]?.kind === "number" ? expr.args[1].text : "0"})`;
      if (expr.fn === "date_trunc") return `F.date_trunc(${py((expr.args[0] as { value: string }).value)}, ${args[1]})`;
      return `F.${expr.fn}(${args.join(", ")})`;
    }
  }
}

/** Whether an expression is a calendar date: a date column, or a cast to date. */
function isDate(expr: SafeExpr): boolean {
  return (
    (expr.kind === "column" && columnFamily(expr.ref.column.dataType) === "date") ||
    (expr.kind === "cast" && expr.to === "date")
  );
}

export function bucketPy(inner: string, bucket: TimeBucket): string {
  return bucket === "day" ? `F.to_date(${inner})` : `F.trunc(${inner}, ${py(bucket)})`;
}

const AGGREGATES: Record<AggregateFn, string> = {
  sum: "F.sum",
  count: "F.count",
  count_distinct: "F.countDistinct",
  avg: "F.avg",
  min: "F.min",
  max: "F.max",
};

/** A share or a ratio over aggregate output columns already in the DataFrame; `Window` must be imported for a share. */
export function derivedOutputPy(expr: Extract<OutputExpr, { kind: "share" | "ratio" }>): string {
  const scale = expr.percent ? " * 100" : "";
  const divide = (numerator: string, denominator: string) =>
    `(${numerator}.cast("decimal(38,10)")${scale} / F.when(${denominator} != 0, ${denominator}))`;
  if (expr.kind === "share")
    return divide(`F.col(${py(expr.of)})`, `F.sum(F.col(${py(expr.of)})).over(Window.partitionBy())`);
  return divide(`F.col(${py(expr.numerator)})`, `F.col(${py(expr.denominator)})`);
}

export function outputExprPy(expr: OutputExpr, scope: Scope): string {
  if (expr.kind === "column")
    return expr.bucket ? bucketPy(colPy(expr.column, scope), expr.bucket) : colPy(expr.column, scope);
  if (expr.kind === "expression") return safeExpressionPy(parseSafeExpression(expr.sql, scope));
  if (expr.kind === "share" || expr.kind === "ratio")
    throw new CodegenError("invalid_spec", `a ${expr.kind} is computed from other outputs`);
  const value =
    expr.arg.kind === "star"
      ? "F.lit(1)"
      : expr.arg.kind === "column"
        ? colPy(expr.arg.column, scope)
        : safeExpressionPy(parseSafeExpression(expr.arg.sql, scope));
  // A conditional aggregate reads NULL (skipped by every aggregate) where its conditions fail, as SQL's FILTER does.
  const arg = expr.where ? `F.when(${expr.where.map((w) => `(${filterPy(w, scope)})`).join(" & ")}, ${value})` : value;
  const agg = `${AGGREGATES[expr.fn]}(${arg})`;
  return expr.zeroIfEmpty ? `F.coalesce(${agg}, F.lit(0))` : agg;
}

function literalPy(scope: Scope, ref: ColumnRef, value: Literal): string {
  const family = columnFamily(scope.column(ref).column.dataType);
  if (family === "number") {
    const n = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(n)) throw new CodegenError("invalid_literal", `${JSON.stringify(value)} is not a number`);
    return `F.lit(${n})`;
  }
  if (family === "date" || family === "timestamp") {
    if (!isRealDate(String(value)))
      throw new CodegenError("invalid_literal", `${JSON.stringify(value)} is not an ISO date`);
    return `F.to_${family === "date" ? "date" : "timestamp"}(F.lit(${py(String(value))}))`;
  }
  if (typeof value === "boolean") return `F.lit(${value ? "True" : "False"})`;
  return `F.lit(${py(String(value))})`;
}

const OPS: Record<string, string> = { "=": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

/** A computed value compared with a number, in step with `filterSql`. */
export function expressionFilterPy(filter: ExpressionFilter, scope: Scope): string {
  return `(${safeExpressionPy(parseSafeExpression(filter.sql, scope))} ${OPS[filter.compare]} F.lit(${filter.value}))`;
}

/** A column filter as a pyspark boolean Column, in step with `filterSql`. */
export function filterPy(filter: ColumnFilter, scope: Scope): string {
  const col = colPy(filter.column, scope);
  const lit = (v: Literal) => literalPy(scope, filter.column, v);
  switch (filter.op) {
    case "is_null":
      return `${col}.isNull()`;
    case "is_not_null":
      return `${col}.isNotNull()`;
    case "starts_with":
      return `F.lower(${col}).startswith(${py(filter.text.toLowerCase())})`;
    case "ends_with":
      return `F.lower(${col}).endswith(${py(filter.text.toLowerCase())})`;
    case "contains":
      return `F.lower(${col}).contains(${py(filter.text.toLowerCase())})`;
    case "between":
      return `${col}.between(${lit(filter.low)}, ${lit(filter.high)})`;
    case "in":
      return `${col}.isin(${filter.values.map(lit).join(", ")})`;
    case "not_in":
      return `~${col}.isin(${filter.values.map(lit).join(", ")})`;
    case "date_range": {
      const parts: string[] = [];
      if (filter.from) parts.push(`(${col} >= F.to_date(F.lit(${py(filter.from)})))`);
      if (filter.to) parts.push(`(${col} < F.to_date(F.lit(${py(filter.to)})))`);
      if (parts.length === 0) throw new CodegenError("invalid_spec", "a date range needs a start or an end");
      return parts.join(" & ");
    }
    default:
      return `(${col} ${OPS[filter.op]} ${lit(filter.value)})`;
  }
}
