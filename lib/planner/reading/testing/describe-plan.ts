import type { PlanResult } from "@/lib/planner/types";

/**
 * A plan as a reader checks it: the tables read, the output columns (aggregates as
 * `name=fn(source.column)`, calendar columns as `name:bucket`), filters, groups, havings, order,
 * limit; or the refusal's code and message.
 */
export function describePlan(result: PlanResult) {
  if (!result.ok) return { refused: result.code, message: result.message };
  const s = result.spec;
  const ref = (c: { source: string; column: string }) => `${c.source}.${c.column}`;
  return {
    from: s.sources.map((x) => x.table),
    columns: s.columns.map((c) => {
      const e = c.expr;
      if (e.kind === "aggregate")
        return `${c.name}=${e.fn}(${e.arg.kind === "column" ? ref(e.arg.column) : e.arg.kind === "expression" ? e.arg.sql.replaceAll('"', "") : "*"})${e.where ? ` where ${e.where.map((w) => `${ref(w.column)} ${w.op} ${"value" in w ? w.value : "…"}`).join(" and ")}` : ""}`;
      if (e.kind === "share") return `${c.name}=share(${e.of})${e.percent ? "%" : ""}`;
      if (e.kind === "ratio") return `${c.name}=${e.numerator}/${e.denominator}${e.percent ? "%" : ""}`;
      if (e.kind === "expression") return `${c.name}=${e.sql.replaceAll('"', "")}`;
      return c.name + (e.kind === "column" && e.bucket ? `:${e.bucket}` : "");
    }),
    where: s.filters.map((f) =>
      f.op === "expression"
        ? [f.sql.replaceAll('"', ""), f.compare, f.value]
        : !("column" in f)
          ? [f.path.map((h) => h.table).join(" → "), f.op, null]
          : [
              ref(f.column),
              f.op,
              "value" in f
                ? f.value
                : "values" in f
                  ? f.values
                  : "low" in f
                    ? [f.low, f.high]
                    : "from" in f || "to" in f
                      ? [f.from, f.to]
                      : null,
            ],
    ),
    group: s.grain.map((g) => ref(g.column) + (g.bucket ? `:${g.bucket}` : "")),
    having: s.having.map((h) => [h.output, h.op, h.value]),
    order: s.orderBy.map((o) => [o.output, o.direction]),
    limit: s.limit?.count,
    per: s.limit?.per,
    distinct: s.distinct ?? false,
    notes: result.notes ?? [],
  };
}
