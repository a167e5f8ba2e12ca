import type { Catalog } from "@/lib/catalog/types";
import { EtlSpecSchema, type EtlSpec } from "@/lib/spec/etl-spec";
import { CodegenError } from "@/lib/codegen/codegen-error";
import { shapeQuery, type QueryShape } from "@/lib/codegen/query-shape";
import { buildScope, type Scope } from "@/lib/codegen/scope";
import { filterSql } from "@/lib/codegen/sql-filter";
import { columnSql } from "@/lib/codegen/sql-expression";
import { outputValueSql } from "@/lib/codegen/sql-aggregate";
import { isDerivedOutput } from "@/lib/spec/output-column";
import { quoteIdent, quoteNumber } from "@/lib/codegen/sql-quote";

export { CodegenError } from "@/lib/codegen/codegen-error";

/** The parts of a spec's query that the validator reuses to recompute results from the sources. */
export type CompiledRelation = {
  scope: Scope;
  shape: QueryShape;
  /** SQL of each output column's value, by output name. */
  exprs: Map<string, string>;
  /** FROM, JOIN and WHERE lines: the rows before grouping. */
  relation: string[];
};

/** Checks a spec and compiles its FROM/JOIN/WHERE and output expressions. */
export function compileRelation({ spec, catalog }: { spec: EtlSpec; catalog: Catalog }): CompiledRelation {
  const parsed = EtlSpecSchema.safeParse(spec);
  if (!parsed.success)
    throw new CodegenError("invalid_spec", `invalid spec: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const scope = buildScope(spec.sources, catalog);
  const shape = shapeQuery(spec, (alias) => scope.table(alias).primaryKey);
  const exprs = new Map<string, string>();
  // Shares and ratios divide aggregate outputs, so those are compiled first.
  const sqlOf = (name: string) =>
    exprs.get(name) ??
    ((): never => {
      throw new CodegenError("invalid_spec", `no output "${name}"`);
    })();
  for (const c of spec.columns.filter((c) => !isDerivedOutput(c.expr)))
    exprs.set(c.name, outputValueSql(c.expr, scope, sqlOf));
  for (const c of spec.columns.filter((c) => isDerivedOutput(c.expr)))
    exprs.set(c.name, outputValueSql(c.expr, scope, sqlOf));
  const relation: string[] = [`FROM ${tableSql(scope, spec.sources[0].alias)}`];
  for (const join of spec.joins) {
    relation.push(`${join.type === "left" ? "LEFT JOIN" : "INNER JOIN"} ${tableSql(scope, join.right)}`);
    const conditions = join.on.map(
      (k) =>
        `${columnSql({ source: join.right, column: k.right }, scope)} = ${columnSql({ source: join.left, column: k.left }, scope)}`,
    );
    for (const filter of shape.joinFilters.get(join.right) ?? []) conditions.push(filterSql(filter, scope));
    relation.push(`  ON ${conditions.join("\n  AND ")}`);
  }
  if (shape.whereFilters.length > 0)
    relation.push(`WHERE ${shape.whereFilters.map((f) => filterSql(f, scope)).join("\n  AND ")}`);
  return { scope, shape, exprs, relation };
}

/**
 * Compiles a spec to exactly one Postgres SELECT (no trailing semicolon) that computes the
 * target rows. Every identifier is checked against the catalog and quoted; the same spec
 * always gives the same text. Throws `CodegenError` for anything it cannot compile safely.
 */
export function compileSql({ spec, catalog }: { spec: EtlSpec; catalog: Catalog }): string {
  const { shape, exprs, relation } = compileRelation({ spec, catalog });
  const lines: string[] = [];
  lines.push(spec.distinct ? "SELECT DISTINCT" : "SELECT");
  lines.push(spec.columns.map((c) => `  ${exprs.get(c.name)} AS ${quoteIdent(c.name)}`).join(",\n"));
  lines.push(...relation);
  if (shape.aggregated && shape.groupOutputs.length > 0) {
    lines.push("GROUP BY");
    lines.push(shape.groupOutputs.map((name) => `  ${exprs.get(name)}`).join(",\n"));
  }
  if (spec.having.length > 0) {
    // HAVING cannot see output aliases, so it repeats the aggregate.
    const conditions = spec.having.map(
      (h) => `${exprs.get(h.output)} ${h.op === "!=" ? "<>" : h.op} ${quoteNumber(h.value)}`,
    );
    lines.push(`HAVING ${conditions.join("\n  AND ")}`);
  }
  const orderBy = (order: QueryShape["order"], name: (output: string) => string) =>
    order.map((o) => `${name(o.output)} ${o.direction === "desc" ? "DESC" : "ASC"} NULLS LAST`).join(", ");
  if (spec.limit?.per) {
    // The first rows of every group: numbered within the group in the table's order, then kept.
    const per = spec.limit.per;
    lines[1] += `,\n  ROW_NUMBER() OVER (PARTITION BY ${per.map((n) => exprs.get(n)).join(", ")} ORDER BY ${orderBy(shape.order, (n) => exprs.get(n)!)}) AS ${RANK}`;
    return [
      `SELECT\n${spec.columns.map((c) => `  ${quoteIdent(c.name)}`).join(",\n")}`,
      "FROM (",
      ...lines.map((l) => l.replace(/^/gm, "  ")),
      `) AS "ranked"`,
      `WHERE ${RANK} <= ${spec.limit.count}`,
      `ORDER BY ${orderBy(shape.groupedOrder, quoteIdent)}`,
    ].join("\n");
  }
  if (shape.order.length > 0) lines.push(`ORDER BY ${orderBy(shape.order, quoteIdent)}`);
  if (spec.limit) lines.push(`LIMIT ${spec.limit.count}`);
  return lines.join("\n");
}

/** The number of a row within its group, for a limit per group. */
const RANK = quoteIdent("rank_in_group");

function tableSql(scope: Scope, alias: string): string {
  const table = scope.table(alias);
  const name = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
  const source = scope.sources.find((s) => s.alias === alias);
  // Exact duplicate rows are read once, so a duplicated dimension cannot multiply the facts.
  return `${source?.distinct ? `(SELECT DISTINCT * FROM ${name})` : name} AS ${quoteIdent(alias)}`;
}
