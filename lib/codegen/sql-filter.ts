import { isExistsFilter, type ColumnFilter, type ExistsFilter, type Filter, type Literal } from "@/lib/spec/clauses";
import { CodegenError } from "@/lib/codegen/codegen-error";
import { resolveExistsPath } from "@/lib/codegen/exists-path";
import { columnFamily, type ResolvedColumn, type Scope } from "@/lib/codegen/scope";
import { quoteIdent, quoteNumber, quoteString } from "@/lib/codegen/sql-quote";
import { columnSql, safeExpressionSql } from "@/lib/codegen/sql-expression";
import { parseSafeExpression } from "@/lib/codegen/safe-expression";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** True when the text starts with a calendar date that exists (no 2019-02-30). */
export function isRealDate(text: string): boolean {
  const day = text.slice(0, 10);
  if (!ISO_DATE.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/**
 * A constant typed for the column it is compared with, so a text column never meets a bare
 * number and a date column only ever sees a well-formed date.
 */
export function literalFor(target: ResolvedColumn, value: Literal): string {
  const family = columnFamily(target.column.dataType);
  const where = `${target.table.name}.${target.column.name}`;
  if (family === "number") {
    const n =
      typeof value === "number"
        ? value
        : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)
          ? Number(value)
          : NaN;
    if (!Number.isFinite(n))
      throw new CodegenError("invalid_literal", `${where} is numeric; ${JSON.stringify(value)} is not a number`);
    return quoteNumber(n);
  }
  if (family === "date" || family === "timestamp") {
    const text = String(value);
    const wellFormed = ISO_DATE.test(text) || (family === "timestamp" && ISO_TIMESTAMP.test(text));
    if (!wellFormed || !isRealDate(text))
      throw new CodegenError("invalid_literal", `${where} is a ${family}; ${JSON.stringify(value)} is not an ISO date`);
    return `${family === "date" || ISO_DATE.test(text) ? "DATE" : "TIMESTAMP"} ${quoteString(text)}`;
  }
  if (family === "boolean") {
    if (typeof value !== "boolean")
      throw new CodegenError("invalid_literal", `${where} is boolean; ${JSON.stringify(value)} is not`);
    return value ? "TRUE" : "FALSE";
  }
  return quoteString(String(value));
}

/** One filter as a boolean SQL condition. */
export function filterSql(filter: Filter, scope: Scope): string {
  if (filter.op === "expression")
    return `${safeExpressionSql(parseSafeExpression(filter.sql, scope))} ${filter.compare === "!=" ? "<>" : filter.compare} ${quoteNumber(filter.value)}`;
  return isExistsFilter(filter) ? existsSql(filter, scope) : columnFilterSql(filter, scope);
}

/**
 * An existence check as a correlated subquery on the filtered source: `EXISTS` / `NOT EXISTS`,
 * or a count of the distinct related rows against `minCount`. A source row whose key is NULL
 * has no related rows, so an anti-join keeps it, as it does in Spark.
 */
function existsSql(filter: ExistsFilter, scope: Scope): string {
  const path = resolveExistsPath(filter, scope);
  const table = (alias: string) => {
    const t = path.scope.table(alias);
    return `${quoteIdent(t.schema)}.${quoteIdent(t.name)} AS ${quoteIdent(alias)}`;
  };
  const on = (step: (typeof path.steps)[number]) =>
    step.step.on.map(
      (k) =>
        `${columnSql({ source: step.step.alias, column: k.right }, path.scope)} = ${columnSql({ source: step.from, column: k.left }, path.scope)}`,
    );
  const [first, ...rest] = path.steps;
  const from = [
    `FROM ${table(first.step.alias)}`,
    ...rest.map((s) => `    INNER JOIN ${table(s.step.alias)} ON ${on(s).join(" AND ")}`),
  ];
  const where = [...on(first), ...(filter.where ?? []).map((w) => columnFilterSql(w, path.scope))];
  const body = `${from.join("\n")}\n    WHERE ${where.join("\n      AND ")}`;
  const minCount = filter.minCount ?? 1;
  if (minCount <= 1) return `${filter.op === "not_exists" ? "NOT " : ""}EXISTS (\n    SELECT 1 ${body}\n  )`;
  const key = path.counted.key.map((k) => columnSql({ source: path.counted.alias, column: k }, path.scope));
  const counted = key.length === 1 ? key[0] : `(${key.join(", ")})`;
  return `(\n    SELECT count(DISTINCT ${counted}) ${body}\n  ) ${filter.op === "exists" ? ">=" : "<"} ${quoteNumber(minCount)}`;
}

/** A condition on one column. */
export function columnFilterSql(filter: ColumnFilter, scope: Scope): string {
  const target = scope.column(filter.column);
  const col = columnSql(filter.column, scope);
  switch (filter.op) {
    case "is_null":
      return `${col} IS NULL`;
    case "is_not_null":
      return `${col} IS NOT NULL`;
    case "starts_with":
    case "ends_with":
    case "contains": {
      if (columnFamily(target.column.dataType) !== "text")
        throw new CodegenError("invalid_spec", `${target.table.name}.${target.column.name} is not a text column`);
      // LIKE's own wildcards and escape in the text are matched as written.
      const text = filter.text.replace(/[\\%_]/g, (c) => `\\${c}`);
      const pattern = filter.op === "starts_with" ? `${text}%` : filter.op === "ends_with" ? `%${text}` : `%${text}%`;
      return `${col} ILIKE ${quoteString(pattern)}`;
    }
    case "between":
      return `${col} BETWEEN ${literalFor(target, filter.low)} AND ${literalFor(target, filter.high)}`;
    case "in":
    case "not_in": {
      const values = filter.values.map((v) => literalFor(target, v)).join(", ");
      return `${col} ${filter.op === "in" ? "IN" : "NOT IN"} (${values})`;
    }
    case "date_range": {
      const family = columnFamily(target.column.dataType);
      if (family !== "date" && family !== "timestamp")
        throw new CodegenError(
          "invalid_spec",
          `${target.table.name}.${target.column.name} is not a date or timestamp column`,
        );
      if (!filter.from && !filter.to) throw new CodegenError("invalid_spec", "a date range needs a start or an end");
      for (const bound of [filter.from, filter.to])
        if (bound && !isRealDate(bound)) throw new CodegenError("invalid_literal", `${bound} is not a calendar date`);
      const parts: string[] = [];
      if (filter.from) parts.push(`${col} >= DATE ${quoteString(filter.from)}`);
      if (filter.to) parts.push(`${col} < DATE ${quoteString(filter.to)}`);
      return parts.join(" AND ");
    }
    default:
      return `${col} ${filter.op === "!=" ? "<>" : filter.op} ${literalFor(target, filter.value)}`;
  }
}
