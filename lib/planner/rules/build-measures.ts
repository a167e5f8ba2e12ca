import type { CatalogTable } from "@/lib/catalog/types";
import type { AggregateArg, AggregateFn, OutputExpr } from "@/lib/spec/output-column";
import type { ExprIntent, Intent, MeasureIntent } from "@/lib/planner/rules/intent";
import type { ColumnResolver } from "@/lib/planner/rules/resolve-columns";
import { defaultDateColumn, defaultMeasureColumn, primaryKey } from "@/lib/planner/rules/table-defaults";
import { aggregateName, singular, wordsName } from "@/lib/planner/rules/naming";
import { reject } from "@/lib/planner/rules/types";
import { toSnakeIdentifier } from "@/lib/spec/identifier";

const DATE_KEYWORDS = ["earliest", "latest", "first", "last", "most recent", "oldest", "newest"];

export type BuiltMeasure = { expr: OutputExpr; defaultName: string; tables: CatalogTable[] };

/** `quantity * unit_price` as alias-qualified SQL text, plus the tables it reads. */
export function expressionSql(expr: ExprIntent, resolver: ColumnResolver): { sql: string; tables: CatalogTable[] } {
  const tables: CatalogTable[] = [];
  const parts = expr.operands.map((o) => {
    if ("number" in o) return String(o.number);
    const { table, column } = resolver.one(o.pick);
    tables.push(table);
    return `${table.name}.${column}`;
  });
  let sql = parts[0];
  expr.ops.forEach((op, k) => (sql = `${sql} ${op} ${parts[k + 1]}`));
  return { sql, tables };
}

/**
 * The aggregate a measure phrase asks for. `fansOut(t)` says whether a joined child table
 * repeats t's rows: counts then count distinct keys, and sums or averages are refused because
 * they would add the same row more than once.
 */
export function buildAggregate(
  m: Extract<MeasureIntent, { kind: "aggregate" }>,
  resolver: ColumnResolver,
  fansOut: (t: CatalogTable) => boolean,
  intent: Intent,
): BuiltMeasure {
  let fn: AggregateFn = m.fn;
  let arg: AggregateArg;
  let tables: CatalogTable[] = [];
  let words = m.words;
  if ("star" in m.of) arg = { kind: "star" };
  else if ("expr" in m.of) {
    const e = expressionSql(m.of.expr, resolver);
    arg = { kind: "expression", sql: e.sql };
    tables = e.tables;
  } else if ("pick" in m.of) {
    const { table, column } = resolver.one(m.of.pick);
    arg = { kind: "column", column: { source: table.name, column } };
    tables = [table];
  } else {
    const table = m.of.table;
    tables = [table];
    words = singular(table);
    if (fn === "count" || fn === "count_distinct") {
      const key = primaryKey(table, m.phrase);
      if (key.length > 1) {
        if (fansOut(table))
          reject(
            "not_understood",
            `"${m.phrase}": ${table.name} has a composite key; cannot count it without double counting here`,
            { phrase: m.phrase },
          );
        arg = { kind: "star" };
      } else arg = { kind: "column", column: { source: table.name, column: key[0] } };
    } else {
      const column = DATE_KEYWORDS.includes(m.keyword)
        ? defaultDateColumn(table, m.phrase)
        : defaultMeasureColumn(table, m.phrase);
      arg = { kind: "column", column: { source: table.name, column } };
      words = `${singular(table)} ${column.replace(new RegExp(`^${singular(table)}_`), "")}`;
    }
  }
  const repeated = tables.filter(fansOut);
  if (repeated.length > 0) {
    const isKey =
      arg.kind === "column" &&
      repeated.some(
        (t) =>
          t.name === (arg as { column: { source: string } }).column.source &&
          t.primaryKey.join() === (arg as { column: { column: string } }).column.column,
      );
    if (fn === "count" && isKey) fn = "count_distinct";
    else if (fn === "sum" || fn === "avg" || fn === "count") {
      reject(
        "ambiguous",
        `"${m.phrase}" reads ${repeated[0].name}, but the other tables this request joins repeat each ${singular(repeated[0])} several times, so the ${fn === "avg" ? "average" : "total"} would count rows more than once; aggregate a column of the most detailed table instead, or drop the extra table`,
        {
          phrase: m.phrase,
        },
      );
    }
  }
  if (m.implicit) intent.notes.push(m.implicit);
  return { expr: { kind: "aggregate", fn, arg }, defaultName: aggregateName(m.fn, m.keyword, words), tables };
}

/** Typed words as they are ("weight in kilograms" -> weight_in_kilograms). */
export function expressionName(expr: ExprIntent): string {
  return toSnakeIdentifier(expr.words) ?? wordsName(expr.words);
}
