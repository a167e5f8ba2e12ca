import type { CatalogTable } from "@/lib/catalog/types";
import type { ExistsFilter, PathStep } from "@/lib/spec/clauses";
import { CodegenError } from "@/lib/codegen/codegen-error";
import { buildScope, type Scope } from "@/lib/codegen/scope";

/** One step of an existence check, with the alias it joins to. */
export type ResolvedStep = { step: PathStep; from: string };

/** An existence check matched to the catalog. */
export type ResolvedPath = {
  /** The spec's sources and the check's own steps: the scope of its conditions. */
  scope: Scope;
  /** Path steps, then lookups, each after the step it joins. */
  steps: ResolvedStep[];
  /** What `minCount` counts: the distinct rows of the path's last step, by its key. */
  counted: { alias: string; key: string[] };
};

const pairs = (from: string[], to: string[]) =>
  from
    .map((c, i) => `${c}>${to[i]}`)
    .sort()
    .join();

/** Whether a declared foreign key links the two tables over exactly these column pairs, in either direction. */
function declaredKey(from: CatalogTable, to: CatalogTable, on: PathStep["on"]): boolean {
  const left = on.map((k) => k.left);
  const right = on.map((k) => k.right);
  const points = (a: CatalogTable, b: CatalogTable, aCols: string[], bCols: string[]) =>
    a.foreignKeys.some(
      (fk) =>
        fk.refSchema === b.schema && fk.refTable === b.name && pairs(fk.columns, fk.refColumns) === pairs(aCols, bCols),
    );
  return points(from, to, left, right) || points(to, from, right, left);
}

/**
 * Checks an existence filter against the catalog: every table exists, every key column exists,
 * and every step follows a foreign key the catalog declares, so the check means the
 * relationship the request named and not a coincidence of column names.
 */
export function resolveExistsPath(filter: ExistsFilter, scope: Scope): ResolvedPath {
  const lookups = filter.lookups ?? [];
  const ownSources = [...filter.path, ...lookups].map((s) => ({
    schema: s.schema,
    table: s.table,
    alias: s.alias,
    phrase: "",
  }));
  for (const s of ownSources)
    if (scope.sources.some((source) => source.alias === s.alias))
      throw new CodegenError("invalid_spec", `existence step alias "${s.alias}" is already a source`);
  const inner = buildScope([...scope.sources, ...ownSources], scope.catalog);
  scope.table(filter.source);
  const steps: ResolvedStep[] = [
    ...filter.path.map((step, i) => ({ step, from: i === 0 ? filter.source : filter.path[i - 1].alias })),
    ...lookups.map((step) => ({ step, from: step.from })),
  ];
  for (const { step, from } of steps) {
    for (const k of step.on) {
      inner.column({ source: from, column: k.left });
      inner.column({ source: step.alias, column: k.right });
    }
    const a = inner.table(from);
    const b = inner.table(step.alias);
    if (!declaredKey(a, b, step.on))
      throw new CodegenError(
        "invalid_spec",
        `no foreign key links ${a.schema}.${a.name} and ${b.schema}.${b.name} on ${step.on.map((k) => `${k.left} = ${k.right}`).join(", ")}`,
      );
  }
  const last = filter.path[filter.path.length - 1];
  const key = inner.table(last.alias).primaryKey;
  if ((filter.minCount ?? 1) > 1 && key.length === 0)
    throw new CodegenError(
      "invalid_spec",
      `${last.schema}.${last.table} has no primary key, so its rows cannot be counted`,
    );
  return { scope: inner, steps, counted: { alias: last.alias, key } };
}
