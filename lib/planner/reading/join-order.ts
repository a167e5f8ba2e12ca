import { isExistsFilter, type ColumnFilter } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { fail, type createSources } from "./build-sources";
import type { Part } from "./parts";

type Of<K extends Part["k"]> = Extract<Part, { k: K }>;

/** Whether the sources join the instruction's two tables to each other, not each through a third. */
export function joinsDirectly(src: ReturnType<typeof createSources>, j: Of<"join-instruction">): boolean {
  const aliases = [j.left.table, j.right.table].map(
    (t) => src.sources.find((s) => `${s.schema}.${s.table}` === t)?.alias,
  );
  return src.joins.some(
    (join) => aliases.includes(join.left) && aliases.includes(join.right) && join.left !== join.right,
  );
}

/**
 * "all customers with their total order amount": every listed row stays, those without related
 * rows too. The rows come from the listed entity, left joined along the path to the measured rows
 * (the same path, walked the other way); sums of nothing read 0, and a condition on the measured
 * rows says which of them each aggregate takes.
 */
export function keepEveryRow(spec: EtlSpec, r: { subject?: Of<"subject">; measures: Part[]; grouped: boolean }) {
  if (!r.subject || r.grouped || !r.measures.every((m) => (m.k === "measure" || m.k === "count") && m.ofEach))
    fail("aggregates of each row beside other groups");
  const table = r.subject!.entity.table;
  const last = spec.sources[spec.sources.length - 1];
  if (spec.sources.length < 2 || `${last.schema}.${last.table}` !== table)
    fail("aggregates of each row of the rows aggregated");
  if (!isInnerChain(spec)) fail("aggregates of each row over a branching path");
  const measured = new Set(spec.sources.slice(0, -1).map((s) => s.alias));
  if (spec.filters.some((f) => isExistsFilter(f) || f.op === "expression"))
    fail("a condition beyond columns, beside aggregates of each kept row");
  // "all customers with their number of orders in 2024": a condition on the measured rows picks what
  // each aggregate adds up (FILTER), so a customer with no such orders still stays, with 0.
  const onMeasured = spec.filters.filter(
    (f): f is ColumnFilter => !isExistsFilter(f) && f.op !== "expression" && measured.has(f.column.source),
  );
  spec.filters = spec.filters.filter((f) => !onMeasured.includes(f as ColumnFilter));
  if (onMeasured.length > 0)
    for (const c of spec.columns)
      if (c.expr.kind === "aggregate") c.expr.where = [...(c.expr.where ?? []), ...onMeasured];
  reverseChain(spec, "left");
  for (const c of spec.columns) if (c.expr.kind === "aggregate" && c.expr.fn === "sum") c.expr.zeroIfEmpty = true;
}

/**
 * "Join customers and orders on customer_id, …": the tables in the order the request names them,
 * where that is the same inner join walked the other way.
 */
export function inWrittenOrder(spec: EtlSpec, j: Of<"join-instruction">) {
  const last = spec.sources[spec.sources.length - 1];
  if (spec.sources.length >= 2 && isInnerChain(spec) && `${last.schema}.${last.table}` === j.left.table)
    reverseChain(spec, "inner");
}

/** Each source joined to the one before it, inner: a path that reads the same either way. */
function isInnerChain(spec: EtlSpec): boolean {
  return (
    spec.joins.length === spec.sources.length - 1 &&
    spec.joins.every(
      (j, i) => j.type === "inner" && j.left === spec.sources[i].alias && j.right === spec.sources[i + 1].alias,
    )
  );
}

/** The same path from its other end. */
function reverseChain(spec: EtlSpec, type: "inner" | "left") {
  spec.sources.reverse();
  spec.joins = spec.joins.reverse().map((j) => ({
    ...j,
    type,
    left: j.right,
    right: j.left,
    on: j.on.map((o) => ({ left: o.right, right: o.left })),
  }));
}
