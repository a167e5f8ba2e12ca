import type { EtlSpec } from "@/lib/spec/etl-spec";
import { filterSource, type Filter, type OrderBy } from "@/lib/spec/clauses";
import { isDerivedOutput } from "@/lib/spec/output-column";

/**
 * Decisions both compilers must make the same way, so SQL and PySpark produce the same rows
 * in the same column order.
 */
export type QueryShape = {
  aggregated: boolean;
  /** Filters on a left join's optional side, by alias: applied in the join, not after it. */
  joinFilters: Map<string, Filter[]>;
  whereFilters: Filter[];
  /** Output names whose values are grouped (every non-aggregate output of an aggregated query). */
  groupOutputs: string[];
  /** ORDER BY including tiebreakers, so LIMIT always picks the same rows. */
  order: Pick<OrderBy, "output" | "direction">[];
  /** For a limit per group: the final order, by group first, then by `order` within each group. */
  groupedOrder: Pick<OrderBy, "output" | "direction">[];
};

/** Works out grouping, filter placement and a deterministic ordering for a spec. */
export function shapeQuery(spec: EtlSpec, primaryKeyOf: (alias: string) => string[]): QueryShape {
  const aggregated = spec.columns.some((c) => c.expr.kind === "aggregate");
  const optional = new Set(spec.joins.filter((j) => j.type === "left").map((j) => j.right));
  // "IS NULL" on the optional side's key can only mean "no match" (an anti join): it stays in WHERE.
  const noMatch = (f: Filter) =>
    f.op === "is_null" &&
    (primaryKeyOf(f.column.source).includes(f.column.column) ||
      spec.joins.some((j) => j.right === f.column.source && j.on.some((k) => k.right === f.column.column)));
  const joinFilters = new Map<string, Filter[]>();
  const whereFilters: Filter[] = [];
  for (const filter of spec.filters) {
    // A WHERE on the optional side would drop the unmatched rows the left join was asked to keep.
    const source = filterSource(filter);
    if (optional.has(source) && !noMatch(filter)) joinFilters.set(source, [...(joinFilters.get(source) ?? []), filter]);
    else whereFilters.push(filter);
  }
  const groupOutputs = aggregated
    ? spec.columns.filter((c) => c.expr.kind !== "aggregate" && !isDerivedOutput(c.expr)).map((c) => c.name)
    : [];

  const order: QueryShape["order"] = spec.orderBy.map((o) => ({ output: o.output, direction: o.direction }));
  if (order.length > 0 || spec.limit) {
    const grainNames = spec.grain
      .map(
        (g) =>
          spec.columns.find(
            (c) =>
              c.expr.kind === "column" &&
              c.expr.column.source === g.column.source &&
              c.expr.column.column === g.column.column &&
              c.expr.bucket === g.bucket,
          )?.name,
      )
      .filter((n): n is string => Boolean(n));
    // The grain, or a lone table's primary key, is unique per row, so it is enough as a tiebreaker.
    const from = spec.sources[0].alias;
    const keyNames = primaryKeyOf(from).map(
      (k) =>
        spec.columns.find(
          (c) =>
            c.expr.kind === "column" && !c.expr.bucket && c.expr.column.source === from && c.expr.column.column === k,
        )?.name,
    );
    const keyUnique = !aggregated && spec.joins.length === 0 && keyNames.length > 0 && keyNames.every(Boolean);
    const tiebreak =
      grainNames.length > 0 ? grainNames : keyUnique ? (keyNames as string[]) : spec.columns.map((c) => c.name);
    for (const name of tiebreak)
      if (!order.some((o) => o.output === name)) order.push({ output: name, direction: "asc" });
  }
  const per = spec.limit?.per ?? [];
  const groupedOrder: QueryShape["order"] = [
    ...per.map((output) => ({ output, direction: "asc" as const })),
    ...order.filter((o) => !per.includes(o.output)),
  ];
  return { aggregated, joinFilters, whereFilters, groupOutputs, order, groupedOrder };
}
