import { expressionColumns, parseSafeExpression } from "@/lib/codegen/safe-expression";
import { aggregateValueSql } from "@/lib/codegen/sql-aggregate";
import { quoteIdent } from "@/lib/db/ident";
import type { OutputColumn } from "@/lib/spec/output-column";
import type { TestContext } from "./generate-tests";
import { joinsAreLossless, keysPreventFanOut } from "./join-facts";
import { totalsTest } from "./reconcile-totals";
import { differs, readsFloat } from "./tolerance";
import type { DataTest } from "./types";

const q = quoteIdent;
const AGGREGATES = { sum: "sum", count: "count", avg: "avg" } as const;

/** The sources an aggregate reads from, or null when it cannot be recomputed row by row. */
function sourcesRead(column: OutputColumn, ctx: TestContext): string[] | null {
  const { expr } = column;
  if (expr.kind !== "aggregate" || !(expr.fn in AGGREGATES)) return null;
  if (expr.arg.kind === "column") return [expr.arg.column.source];
  // A conditional count(*) counts the FROM table's rows that meet its conditions (its value is 1 there, else NULL).
  if (expr.arg.kind === "star" && expr.where) return [ctx.spec.sources[0].alias];
  if (expr.arg.kind === "expression") {
    const parsed = parseSafeExpression(expr.arg.sql, ctx.compiled.scope);
    return [...new Set(expressionColumns(parsed).map((c) => c.source.alias))];
  }
  return null;
}

/** Columns that tell the rows of a source apart: its primary key, or a plain table's ctid. */
function rowIdentity(alias: string, ctx: TestContext): string[] | null {
  const table = ctx.compiled.scope.table(alias);
  if (table.primaryKey.length > 0) return table.primaryKey.map((k) => `${q(alias)}.${q(k)}`);
  const source = ctx.spec.sources.find((s) => s.alias === alias);
  if (table.isView || source?.distinct) return null;
  return [`${q(alias)}.ctid`];
}

/**
 * Sums, counts and averages recomputed from the sources with every source row counted once
 * (distinct by primary key), under the same joins and filters, then compared group by group.
 * A join that repeats rows (fan-out) makes the built value larger than this one.
 */
export function reconciliationTests(ctx: TestContext): DataTest[] {
  const { spec, compiled, target } = ctx;
  const groups = compiled.shape.groupOutputs;
  return spec.columns.flatMap((column, index) => {
    const aliases = sourcesRead(column, ctx);
    if (!aliases || column.expr.kind !== "aggregate") return [];
    const identity = aliases.map((alias) => rowIdentity(alias, ctx));
    if (identity.some((key) => key === null)) return [];
    const keys = identity.flat() as string[];
    if (aliases.length === 1 && joinsAreLossless(aliases, ctx)) {
      const totals = totalsTest(column, index, aliases[0], ctx);
      if (totals) return [totals];
    }

    const aggregate = AGGREGATES[column.expr.fn as keyof typeof AGGREGATES];
    const argument = aggregateValueSql(column.expr, compiled.scope);
    const picked = [
      ...groups.map((name, i) => `${compiled.exprs.get(name)} AS g_${i}`),
      ...keys.map((k, i) => `${k} AS k_${i}`),
      `${argument} AS v`,
    ];
    const recomputed = column.expr.zeroIfEmpty ? `coalesce(${aggregate}(v), 0)` : `${aggregate}(v)`;
    const groupList = groups.map((_, i) => `g_${i}`).join(", ");
    // Row text equality matches NULL keys like IS NOT DISTINCT FROM, but can be hash-joined.
    const on = groups.length
      ? `ROW(${groups.map((name) => `t.${q(name)}`).join(", ")})::text = ROW(${groups.map((_, i) => `e.g_${i}`).join(", ")})::text`
      : "true";
    const actual = `t.${q(column.name)}`;
    // Without HAVING or LIMIT every source group must be in the table too: a full join also
    // catches missing and extra groups, which makes a separate row-count test unnecessary.
    const complete = spec.having.length === 0 && !spec.limit && groups.length > 0;
    const groupRow = groups.length ? `ROW(${groups.map((name) => `t.${q(name)}`).join(", ")})::text` : "'all rows'";
    const keyList = keys.map((_, i) => `k_${i}`).join(", ");
    // When declared keys already rule out fan-out, every joined row is a distinct source row:
    // recompute straight from the join (one scan Postgres can parallelise) and skip the check
    // for rows in several groups, which the keys make impossible.
    const proven = keysPreventFanOut(aliases, ctx);
    const failingSql = [
      // Otherwise each source row once per group; grouping by key (not DISTINCT) lets Postgres hash.
      `WITH d AS ${proven ? "" : "MATERIALIZED "}(`,
      `  SELECT ${picked.join(", ")}`,
      `  ${compiled.relation.join("\n  ")}`,
      proven ? "" : `  GROUP BY ${picked.map((_, i) => i + 1).join(", ")}`,
      `), expected AS (`,
      `  SELECT ${groupList ? `${groupList}, ` : ""}${recomputed} AS expected FROM d${groupList ? ` GROUP BY ${groupList}` : ""}`,
      `)`,
      `SELECT 'value differs' AS problem, ${groupRow} AS "group", ${actual}::text AS actual, e.expected::text AS expected`,
      `FROM ${target} t ${complete ? "FULL" : "LEFT"} JOIN expected e ON ${on}`,
      `WHERE (${actual} IS NULL) <> (e.expected IS NULL)${complete ? ` OR (t.${q(groups[0])} IS NULL) <> (e.g_0 IS NULL)` : ""}`,
      `   OR ${differs(actual, "e.expected", readsFloat(column.expr.arg, ctx))}`,
      // A source row that lands in several groups is counted more than once in the table's total.
      ...(groups.length && !proven
        ? [
            `UNION ALL`,
            `SELECT 'source row in ' || count(*) || ' groups', ROW(${keyList})::text, NULL, NULL FROM d WHERE v IS NOT NULL GROUP BY ${keyList} HAVING count(*) > 1`,
          ]
        : []),
    ]
      .filter(Boolean)
      .join("\n");
    return [
      {
        name: `reconcile_${column.name}`,
        kind: "reconcile" as const,
        clause: `columns[${index}]`,
        phrase: column.phrase,
        description: `${column.name} equals ${aggregate} over ${aliases.join(", ")} with each source row counted once${proven ? " (declared keys rule out repeats)" : ""}`,
        blocking: true,
        failingSql,
        output: column.name,
      },
    ];
  });
}
