import type { Catalog } from "@/lib/catalog/types";
import { CodegenError } from "@/lib/codegen/codegen-error";
import { buildScope, type Scope } from "@/lib/codegen/scope";
import { compilePySpark } from "@/lib/codegen/pyspark";
import { compileSql } from "@/lib/codegen/sql";
import { columnSql, outputExprSql } from "@/lib/codegen/sql-expression";
import { filterSql } from "@/lib/codegen/sql-filter";
import { EtlSpecSchema, type EtlSpec } from "@/lib/spec/etl-spec";

/** Why an edited plan cannot be built, pinned to the clause it is about (`filters.0`; `spec` for the whole). */
export type PlanIssue = { clause: string; message: string };

export type PlanCheck = { ok: true; spec: EtlSpec } | { ok: false; issues: PlanIssue[] };

// Clauses worded as one sentence in `describeSpec` for all their entries.
const WHOLE_CLAUSES = new Set(["grain", "limit", "target", "distinct"]);

/** The clause a spec path points into, as `describeSpec` names it: a joined source is worded by its join. */
export function clauseOfPath(path: readonly PropertyKey[]): string {
  const [head, index] = path;
  if (typeof head !== "string") return "spec";
  if (WHOLE_CLAUSES.has(head)) return head;
  if (typeof index !== "number") return head === "prompt" || head === "version" ? "spec" : head;
  if (head === "sources" && index > 0) return `joins.${index - 1}`;
  return `${head}.${index}`;
}

const MAX_ISSUES = 20;

function tryClause(issues: PlanIssue[], clause: string, work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (!(error instanceof CodegenError)) throw error;
    if (!issues.some((issue) => issue.clause === clause)) issues.push({ clause, message: error.message });
  }
}

/** Catalog problems clause by clause, so each message can sit beside the clause it is about. */
function locateCatalogIssues(spec: EtlSpec, catalog: Catalog): PlanIssue[] {
  const issues: PlanIssue[] = [];
  spec.sources.forEach((source, i) =>
    tryClause(issues, clauseOfPath(["sources", i]), () => buildScope([source], catalog)),
  );
  if (issues.length > 0) return issues;
  const scope: Scope = buildScope(spec.sources, catalog);
  spec.joins.forEach((join, i) =>
    tryClause(issues, `joins.${i}`, () =>
      join.on.forEach((k) => [
        columnSql({ source: join.left, column: k.left }, scope),
        columnSql({ source: join.right, column: k.right }, scope),
      ]),
    ),
  );
  spec.columns.forEach((column, i) => tryClause(issues, `columns.${i}`, () => outputExprSql(column.expr, scope)));
  spec.filters.forEach((filter, i) => tryClause(issues, `filters.${i}`, () => filterSql(filter, scope)));
  spec.grain.forEach((key) => tryClause(issues, "grain", () => columnSql(key.column, scope)));
  return issues;
}

/**
 * Holds a plan a person edited to the bar of any plan: the spec schema and its internal
 * references, then a full compile to SQL and PySpark against the catalog (unknown tables and
 * columns, values of the wrong type, disallowed expressions). The prompt stays the run's own,
 * whatever the edit says. Problems are pinned to clauses where they can be.
 */
export function checkEditedSpec(input: unknown, { prompt, catalog }: { prompt: string; catalog: Catalog }): PlanCheck {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { ok: false, issues: [{ clause: "spec", message: "The plan must be a JSON object." }] };
  const parsed = EtlSpecSchema.safeParse({ ...input, prompt });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const field = issue.path.slice(2).join(".");
      return { clause: clauseOfPath(issue.path), message: field ? `${field}: ${issue.message}` : issue.message };
    });
    return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  }
  const spec = parsed.data;
  const located = locateCatalogIssues(spec, catalog);
  if (located.length > 0) return { ok: false, issues: located.slice(0, MAX_ISSUES) };
  try {
    compileSql({ spec, catalog });
    compilePySpark({ spec, catalog });
  } catch (error) {
    if (error instanceof CodegenError) return { ok: false, issues: [{ clause: "spec", message: error.message }] };
    throw error;
  }
  return { ok: true, spec };
}
