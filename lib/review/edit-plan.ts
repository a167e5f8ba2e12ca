import type { ColumnRef, Filter, Join, Source } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { toSnakeIdentifier } from "@/lib/spec/identifier";
import type { OutputColumn } from "@/lib/spec/output-column";

/*
 * Edits a person makes to a plan on the review screen. Each returns a new spec and keeps the
 * clauses that hang together in step (a grouped column and its grouping key, an output and the
 * order or group condition naming it), so one edit never leaves a dangling reference behind.
 * Whether the result can be built is `checkEditedSpec`'s call, as for any plan.
 */

const sameRef = (a: ColumnRef, b: ColumnRef) => a.source === b.source && a.column === b.column;

const withoutWords = ({ phrase: _phrase, renamePhrase: _rename, ...rest }: { phrase: string; renamePhrase?: string }) =>
  JSON.stringify(rest);

/** A clause a person changed no longer stands for words of the request: its phrase is cleared. */
export function reworded<T extends { phrase: string; renamePhrase?: string }>(before: T | undefined, after: T): T {
  if (!before || withoutWords(before) === withoutWords(after)) return after;
  const { renamePhrase: _rename, ...rest } = after;
  return { ...rest, phrase: "" } as T;
}

function groupedKeyOf(spec: EtlSpec, column: OutputColumn) {
  if (column.expr.kind !== "column") return -1;
  const { column: ref, bucket } = column.expr;
  return spec.grain.findIndex((g) => sameRef(g.column, ref) && g.bucket === bucket);
}

/** A free output name from `wanted`: `amount`, else `amount_2`, `amount_3`… */
export function freeOutputName(spec: EtlSpec, wanted: string): string {
  const base = toSnakeIdentifier(wanted) || "column";
  const taken = new Set(spec.columns.map((c) => c.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Replaces output column `index`; its grouping key follows a changed column, and order and group conditions a new name. */
export function replaceColumn(spec: EtlSpec, index: number, changed: OutputColumn): EtlSpec {
  const before = spec.columns[index];
  const next = reworded(before, changed);
  const key = groupedKeyOf(spec, before);
  const grain = spec.grain.map((g, i) =>
    i === key && next.expr.kind === "column"
      ? reworded(g, { ...g, column: next.expr.column, bucket: next.expr.bucket })
      : g,
  );
  const rename = (output: string) => (output === before.name ? next.name : output);
  return {
    ...spec,
    columns: spec.columns.map((c, i) => (i === index ? next : c)),
    grain: key >= 0 && next.expr.kind !== "column" ? grain.filter((_, i) => i !== key) : grain,
    orderBy: spec.orderBy.map((o) => ({ ...o, output: rename(o.output) })),
    having:
      next.expr.kind === "aggregate"
        ? spec.having.map((h) => ({ ...h, output: rename(h.output) }))
        : spec.having.filter((h) => h.output !== before.name),
  };
}

export const replaceFilter = (spec: EtlSpec, index: number, next: Filter): EtlSpec => ({
  ...spec,
  filters: spec.filters.map((f, i) => (i === index ? reworded(f, next) : f)),
});

/** Replaces join `index` and the source it brings in (another table, left or inner). */
export function replaceJoin(spec: EtlSpec, index: number, join: Join, source: Source): EtlSpec {
  return {
    ...spec,
    joins: spec.joins.map((j, i) => (i === index ? reworded(j, join) : j)),
    sources: spec.sources.map((s, i) => (i === index + 1 ? reworded(s, source) : s)),
  };
}

export const replaceSource = (spec: EtlSpec, index: number, source: Source): EtlSpec => ({
  ...spec,
  sources: spec.sources.map((s, i) => (i === index ? reworded(s, source) : s)),
});

/** Removes the clause `describeSpec` calls `clause`, with what would otherwise point at nothing. */
export function removeClause(spec: EtlSpec, clause: string): EtlSpec {
  const [kind, at] = clause.split(".");
  const index = Number(at);
  switch (kind) {
    case "columns": {
      const column = spec.columns[index];
      if (!column) return spec;
      const key = groupedKeyOf(spec, column);
      return {
        ...spec,
        columns: spec.columns.filter((_, i) => i !== index),
        grain: spec.grain.filter((_, i) => i !== key),
        orderBy: spec.orderBy.filter((o) => o.output !== column.name),
        having: spec.having.filter((h) => h.output !== column.name),
      };
    }
    case "joins":
      return {
        ...spec,
        joins: spec.joins.filter((_, i) => i !== index),
        sources: spec.sources.filter((_, i) => i !== index + 1),
      };
    case "filters":
      return { ...spec, filters: spec.filters.filter((_, i) => i !== index) };
    case "having":
      return { ...spec, having: spec.having.filter((_, i) => i !== index) };
    case "orderBy":
      return { ...spec, orderBy: spec.orderBy.filter((_, i) => i !== index) };
    case "limit":
      return { ...spec, limit: undefined };
    case "distinct":
      return { ...spec, distinct: undefined };
    default:
      return spec;
  }
}

/** Adds a condition `column = value` (to be filled in on the screen). */
export const addFilter = (spec: EtlSpec, column: ColumnRef, value = ""): EtlSpec => ({
  ...spec,
  filters: [...spec.filters, { op: "=", column, value, phrase: "" }],
});

/**
 * Adds an output column reading `column`. In a grouped plan a plain column is another grouping
 * key ("per customer and country"); in a one-summary-row plan it can only be counted.
 */
export function addColumn(spec: EtlSpec, column: ColumnRef): EtlSpec {
  const name = freeOutputName(spec, column.column);
  const aggregated = spec.columns.some((c) => c.expr.kind === "aggregate");
  if (aggregated && spec.grain.length === 0) {
    const counted: OutputColumn = {
      name: freeOutputName(spec, `${column.column}_count`),
      expr: { kind: "aggregate", fn: "count", arg: { kind: "column", column } },
      phrase: "",
    };
    return { ...spec, columns: [...spec.columns, counted] };
  }
  const added: OutputColumn = { name, expr: { kind: "column", column }, phrase: "" };
  return {
    ...spec,
    columns: [...spec.columns, added],
    grain: aggregated ? [...spec.grain, { column, phrase: "" }] : spec.grain,
  };
}
