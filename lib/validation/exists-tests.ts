import { filterSql } from "@/lib/codegen/sql-filter";
import { quoteIdent } from "@/lib/db/ident";
import { isExistsFilter } from "@/lib/spec/clauses";
import type { TestContext } from "./generate-tests";
import type { DataTest } from "./types";

const q = quoteIdent;

/**
 * An existence check, asked again of the built table: every row of an anti-join must really
 * have no related rows ("customers who never ordered" has no customer with an order), and
 * every row of a semi-join must have them. The table's key outputs stand in for the source's
 * key, so the same correlated condition runs against the result. Left out when the check sits
 * on a left join's optional side or its key is not an output.
 */
export function existsTests({ spec, compiled, target }: TestContext): DataTest[] {
  return spec.filters.flatMap((filter, index) => {
    if (!isExistsFilter(filter) || !compiled.shape.whereFilters.includes(filter)) return [];
    const keys = filter.path[0].on.map((k) => k.left);
    const outputs = keys.map(
      (key) =>
        spec.columns.find(
          (c) =>
            c.expr.kind === "column" &&
            !c.expr.bucket &&
            c.expr.column.source === filter.source &&
            c.expr.column.column === key,
        )?.name,
    );
    if (outputs.some((o) => !o)) return [];
    const rows = `(SELECT ${outputs.map((o, i) => `t.${q(o!)} AS ${q(keys[i])}`).join(", ")} FROM ${target} t) AS ${q(filter.source)}`;
    const last = filter.path[filter.path.length - 1].table;
    const anti = filter.op === "not_exists";
    return [
      {
        name: `filter_${index + 1}_${anti ? "none" : "some"}_${last}`.slice(0, 63),
        kind: "filter" as const,
        clause: `filters[${index}]`,
        phrase: filter.phrase,
        description: anti
          ? `No row has a matching ${last} row (${filter.minCount && filter.minCount > 1 ? `fewer than ${filter.minCount}` : "none"} in the sources)`
          : `Every row has ${filter.minCount && filter.minCount > 1 ? `at least ${filter.minCount}` : "a"} matching ${last} row in the sources`,
        blocking: true,
        failingSql: `SELECT ${keys.map((k) => `${q(filter.source)}.${q(k)}`).join(", ")}\nFROM ${rows}\nWHERE NOT (${filterSql(filter, compiled.scope)})`,
      },
    ];
  });
}
