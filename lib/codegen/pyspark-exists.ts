import type { ExistsFilter } from "@/lib/spec/clauses";
import { resolveExistsPath } from "@/lib/codegen/exists-path";
import { colPy, filterPy, py } from "@/lib/codegen/pyspark-expression";
import type { Scope } from "@/lib/codegen/scope";
import { quoteIdent } from "@/lib/codegen/sql-quote";

/**
 * The statements that apply an existence check to the DataFrame `target`: the related rows are
 * read and joined along the path into `name`, narrowed to the keys of the filtered source (with
 * their count for `minCount`), then `target` keeps the rows that match (`left_semi`) or that do
 * not (`left_anti`), as SQL's `EXISTS` / `NOT EXISTS` do, NULL keys included.
 */
export function existsPy(filter: ExistsFilter, scope: Scope, target: string, name: string): string[] {
  const path = resolveExistsPath(filter, scope);
  const read = (alias: string) => {
    const t = path.scope.table(alias);
    return `read_table(${py(`${quoteIdent(t.schema)}.${quoteIdent(t.name)}`)}).alias(${py(alias)})`;
  };
  const on = (step: (typeof path.steps)[number]) =>
    step.step.on
      .map(
        (k) =>
          `(${colPy({ source: step.step.alias, column: k.right }, path.scope)} == ${colPy({ source: step.from, column: k.left }, path.scope)})`,
      )
      .join(" & ");
  const [first, ...rest] = path.steps;
  const lines = [`${name} = ${read(first.step.alias)}`];
  for (const s of rest) lines.push(`${name} = ${name}.join(${read(s.step.alias)}, ${on(s)}, "inner")`);
  for (const w of filter.where ?? []) lines.push(`${name} = ${name}.filter(${filterPy(w, path.scope)})`);
  // The related side keeps only its join keys, renamed so they cannot clash with the target's columns.
  const keys = first.step.on.map((k, i) => ({
    related: colPy({ source: first.step.alias, column: k.right }, path.scope),
    source: colPy({ source: filter.source, column: k.left }, scope),
    name: `${name}_key_${i}`,
  }));
  const keyColumns = keys.map((k) => `${k.related}.alias(${py(k.name)})`).join(", ");
  const minCount = filter.minCount ?? 1;
  // A semi or anti join never repeats a row, so the keys need no distinct.
  if (minCount <= 1) lines.push(`${name} = ${name}.select(${keyColumns})`);
  else {
    const counted = path.counted.key
      .map((k) => colPy({ source: path.counted.alias, column: k }, path.scope))
      .join(", ");
    lines.push(
      `${name} = ${name}.groupBy(${keyColumns}).agg(F.countDistinct(${counted}).alias(${py(`${name}_count`)}))`,
    );
    lines.push(
      `${name} = ${name}.filter(F.col(${py(`${name}_count`)}) >= F.lit(${minCount})).select(${keys.map((k) => py(k.name)).join(", ")})`,
    );
  }
  const match = keys.map((k) => `(${k.source} == F.col(${py(k.name)}))`).join(" & ");
  // "fewer than N" keeps the rows with fewer related rows: the anti side of "at least N".
  lines.push(
    `${target} = ${target}.join(${name}, ${match}, ${py(filter.op === "exists" ? "left_semi" : "left_anti")})`,
  );
  return lines;
}
