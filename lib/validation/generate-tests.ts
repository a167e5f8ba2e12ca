import type { Catalog } from "@/lib/catalog/types";
import { compileRelation, type CompiledRelation } from "@/lib/codegen/sql";
import { filterSql } from "@/lib/codegen/sql-filter";
import { columnSql } from "@/lib/codegen/sql-expression";
import { quoteIdent } from "@/lib/db/ident";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { filterSource, isExistsFilter } from "@/lib/spec/clauses";
import { derivedTests } from "./derived-tests";
import { existsTests } from "./exists-tests";
import { reconciliationTests } from "./reconcile";
import type { DataTest } from "./types";

type Context = { spec: EtlSpec; compiled: CompiledRelation; target: string };

const q = quoteIdent;
const phraseOf = (parts: { phrase: string }[]) =>
  parts
    .map((p) => p.phrase)
    .filter(Boolean)
    .join("; ");

/** Outputs that hold the grain (the group keys of an aggregate), with the catalog facts about them. */
function grainOutputs({ spec, compiled }: Context) {
  const optional = new Set(spec.joins.filter((j) => j.type === "left").map((j) => j.right));
  return compiled.shape.groupOutputs.map((name) => {
    const column = spec.columns.find((c) => c.name === name)!;
    const resolved = column.expr.kind === "column" ? compiled.scope.column(column.expr.column) : undefined;
    const neverNull = Boolean(resolved && !resolved.column.nullable && !optional.has(resolved.source.alias));
    return { name, neverNull };
  });
}

function grainTests(ctx: Context): DataTest[] {
  const { spec, target } = ctx;
  const keys = grainOutputs(ctx);
  if (keys.length === 0) return [];
  const cols = keys.map((k) => q(k.name)).join(", ");
  const tests: DataTest[] = [
    {
      name: "grain_unique",
      kind: "grain_unique",
      clause: "grain",
      phrase: phraseOf(spec.grain),
      description: `One row per ${keys.map((k) => k.name).join(" + ")}`,
      blocking: true,
      failingSql: `SELECT ${cols}, count(*) AS copies FROM ${target} GROUP BY ${cols} HAVING count(*) > 1`,
    },
  ];
  const notNull = keys.filter((k) => k.neverNull);
  if (notNull.length > 0) {
    tests.push({
      name: "keys_not_null",
      kind: "keys_not_null",
      clause: "grain",
      phrase: phraseOf(spec.grain),
      description: `${notNull.map((k) => k.name).join(", ")} never null (not null in the source)`,
      blocking: true,
      failingSql: `SELECT * FROM ${target} WHERE ${notNull.map((k) => `${q(k.name)} IS NULL`).join(" OR ")}`,
    });
  }
  // A reconciliation over the whole grain already proves the row count (see reconcile.ts).
  const reconciled = reconciliationTests(ctx).length > 0;
  if (spec.having.length === 0 && !spec.limit && !reconciled) {
    const groupExprs = ctx.compiled.shape.groupOutputs.map((name) => ctx.compiled.exprs.get(name)!).join(", ");
    tests.push({
      name: "row_count",
      kind: "row_count",
      clause: "grain",
      phrase: phraseOf(spec.grain),
      description: "As many rows as distinct grain values in the sources, under the same joins and filters",
      blocking: true,
      failingSql: `SELECT expected, actual FROM (SELECT (SELECT count(*) FROM (SELECT DISTINCT ${groupExprs}\n${ctx.compiled.relation.join("\n")}) d) AS expected, (SELECT count(*) FROM ${target}) AS actual) c WHERE expected <> actual`,
    });
  }
  return tests;
}

/** Filters whose column is also an output can be checked on the result itself. */
function filterTests({ spec, compiled, target }: Context): DataTest[] {
  const tests: DataTest[] = [];
  spec.filters.forEach((filter, index) => {
    // A computed comparison's value is not a column of the table to check it on.
    if (isExistsFilter(filter) || filter.op === "expression") return;
    const output = spec.columns.find(
      (c) =>
        c.expr.kind === "column" &&
        !c.expr.bucket &&
        c.expr.column.source === filter.column.source &&
        c.expr.column.column === filter.column.column,
    );
    if (
      !output ||
      (filter.op === "is_null" && spec.joins.some((j) => j.type === "left" && j.right === filter.column.source))
    )
      return;
    const condition = filterSql(filter, compiled.scope).replaceAll(
      columnSql(filter.column, compiled.scope),
      `t.${q(output.name)}`,
    );
    // On a left join's optional side the filter applies inside the join: unmatched rows stay, as NULL.
    const unmatchedOk = compiled.shape.joinFilters.get(filter.column.source)?.includes(filter) ?? false;
    tests.push({
      name: `filter_${index + 1}_${output.name}`,
      kind: "filter",
      clause: `filters[${index}]`,
      phrase: filter.phrase,
      description: `Every row satisfies ${condition.replaceAll("t.", "")}`,
      blocking: true,
      failingSql: `SELECT * FROM ${target} t WHERE NOT coalesce(${condition}, ${unmatchedOk})`,
    });
  });
  return tests;
}

/** A left join promises every row of the kept side: check none went missing. */
function coverageTests({ spec, compiled, target }: Context): DataTest[] {
  if (spec.having.length > 0 || spec.limit) return [];
  const base = spec.sources[0];
  const table = compiled.scope.table(base.alias);
  const keyOutputs = table.primaryKey.map((k) =>
    spec.columns.find(
      (c) =>
        c.expr.kind === "column" && !c.expr.bucket && c.expr.column.source === base.alias && c.expr.column.column === k,
    ),
  );
  const baseOnly = compiled.shape.whereFilters.every((f) => filterSource(f) === base.alias);
  if (keyOutputs.length === 0 || keyOutputs.some((o) => !o) || !baseOnly) return [];
  return spec.joins.flatMap((join, index) => {
    if (join.type !== "left" || join.left !== base.alias) return [];
    const where = compiled.shape.whereFilters.map((f) => filterSql(f, compiled.scope));
    const match = table.primaryKey.map(
      (k, i) => `t.${q(keyOutputs[i]!.name)} = ${columnSql({ source: base.alias, column: k }, compiled.scope)}`,
    );
    return [
      {
        name: `join_${index + 1}_keeps_all_${base.alias}`,
        kind: "join_coverage" as const,
        clause: `joins[${index}]`,
        phrase: join.phrase,
        description: `Every ${base.table} row is kept, with or without ${join.right}`,
        blocking: true,
        failingSql: `SELECT ${table.primaryKey.map((k) => columnSql({ source: base.alias, column: k }, compiled.scope)).join(", ")}\nFROM ${q(table.schema)}.${q(table.name)} AS ${q(base.alias)}\nWHERE NOT EXISTS (SELECT 1 FROM ${target} t WHERE ${match.join(" AND ")})${where.length ? `\n  AND ${where.join("\n  AND ")}` : ""}`,
      },
    ];
  });
}

/**
 * Derives the data tests of a spec against the built table `target` (schema-qualified, quoted).
 * Each test names the clause it checks and the prompt words behind it.
 */
export function generateTests({
  spec,
  catalog,
  target,
}: {
  spec: EtlSpec;
  catalog: Catalog;
  target: string;
}): DataTest[] {
  const ctx: Context = { spec, compiled: compileRelation({ spec, catalog }), target };
  return [
    ...grainTests(ctx),
    ...reconciliationTests(ctx),
    ...derivedTests(ctx),
    ...filterTests(ctx),
    ...existsTests(ctx),
    ...coverageTests(ctx),
    notEmptyTest(ctx),
  ];
}

/**
 * The table has rows. After a filter an empty result almost always means the request was
 * misread (a value that matches nothing), so it blocks the publish unless the spec says an
 * empty table is a right answer; without filters it only warns (the sources may be empty).
 */
function notEmptyTest({ spec, target }: Context): DataTest {
  const filtered = spec.filters.length > 0 || spec.having.length > 0;
  return {
    name: "not_empty",
    kind: "not_empty",
    clause: filtered ? "filters" : "target",
    phrase: filtered ? phraseOf([...spec.filters, ...spec.having]) : spec.target.phrase,
    description:
      filtered && !spec.allowEmpty
        ? "The table has rows: its filters match something in the sources"
        : "The table has rows (an empty result usually means a filter matched nothing)",
    blocking: filtered && !spec.allowEmpty,
    failingSql: `SELECT 'no rows' AS problem WHERE NOT EXISTS (SELECT 1 FROM ${target})`,
  };
}

export type { Context as TestContext };
