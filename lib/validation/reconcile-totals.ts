import { filterSql } from "@/lib/codegen/sql-filter";
import { aggregateValueSql } from "@/lib/codegen/sql-aggregate";
import { quoteIdent } from "@/lib/db/ident";
import type { OutputColumn } from "@/lib/spec/output-column";
import { filterSource } from "@/lib/spec/clauses";
import type { TestContext } from "./generate-tests";
import { differs, readsFloat } from "./tolerance";
import type { DataTest } from "./types";

const q = quoteIdent;

/**
 * When declared keys prove the joins keep each row of `alias` exactly once, the table's column
 * must add up to the same aggregate over that one source table under its filters: one scan of
 * the source, no join. Only for sums and counts of the whole table (no HAVING or LIMIT) with
 * every filter on `alias`; otherwise returns null and the group-by-group reconciliation runs.
 */
export function totalsTest(column: OutputColumn, index: number, alias: string, ctx: TestContext): DataTest | null {
  const { spec, compiled, target } = ctx;
  const { expr } = column;
  if (expr.kind !== "aggregate" || (expr.fn !== "sum" && expr.fn !== "count")) return null;
  if (spec.having.length > 0 || spec.limit) return null;
  const filters = [...compiled.shape.whereFilters, ...[...compiled.shape.joinFilters.values()].flat()];
  if (filters.some((f) => filterSource(f) !== alias) || (expr.where ?? []).some((w) => w.column.source !== alias))
    return null;

  const table = compiled.scope.table(alias);
  const where = filters.map((f) => filterSql(f, compiled.scope));
  const source = `SELECT ${aggregateValueSql(expr, compiled.scope)} AS v FROM ${q(table.schema)}.${q(table.name)} AS ${q(alias)}${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
  const failingSql = [
    `SELECT 'total differs' AS problem, actual::text AS actual, expected::text AS expected FROM (`,
    `  SELECT coalesce((SELECT sum(t.${q(column.name)}) FROM ${target} t), 0) AS actual,`,
    `         coalesce((SELECT ${expr.fn}(v) FROM (${source}) s), 0) AS expected`,
    `) c WHERE ${differs("actual", "expected", readsFloat(expr.arg, ctx))}`,
  ].join("\n");
  return {
    name: `reconcile_${column.name}`,
    kind: "reconcile",
    clause: `columns[${index}]`,
    phrase: column.phrase,
    description: `${column.name} adds up to the ${expr.fn} over ${table.name} alone (declared keys prove each ${table.name} row is joined exactly once)`,
    blocking: true,
    failingSql,
    output: column.name,
  };
}
