import type { Catalog } from "@/lib/catalog/types";
import type { EtlSpec } from "@/lib/spec/etl-spec";

/** The columns and types of a spec's source tables: `{ "public.orders": { amount: "numeric(12,2)" } }`. */
export type SourceShape = Record<string, Record<string, string>>;

/** How a source changed since its shape was taken; `used` when the spec reads that column. */
export type Drift =
  | { kind: "table_dropped"; table: string; used: true }
  | { kind: "column_dropped"; table: string; column: string; before: string; used: boolean }
  | { kind: "column_retyped"; table: string; column: string; before: string; after: string; used: boolean }
  | { kind: "column_added"; table: string; column: string; after: string; used: false };

const QUALIFIED = /\b([a-z_][a-z0-9_$]*)\s*\.\s*("?)([a-z_][a-z0-9_$]*)\2/gi;

/**
 * The source columns a spec reads, per `schema.table`: every column reference, join key, and
 * `alias.column` inside a free expression.
 */
export function usedColumns(spec: EtlSpec): Map<string, Set<string>> {
  const tableOf = new Map(spec.sources.map((s) => [s.alias, `${s.schema}.${s.table}`]));
  const used = new Map<string, Set<string>>([...tableOf.values()].map((t) => [t, new Set<string>()]));
  const add = (alias: string, column: string) => {
    const table = tableOf.get(alias);
    if (table) used.get(table)!.add(column);
  };
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.source === "string" && typeof record.column === "string") add(record.source, record.column);
    if (record.kind === "expression" && typeof record.sql === "string") {
      for (const match of record.sql.matchAll(QUALIFIED)) add(match[1], match[3]);
    }
    Object.values(record).forEach(walk);
  };
  walk([spec.filters, spec.grain, spec.columns, spec.having]);
  for (const join of spec.joins) {
    for (const key of join.on) {
      add(join.left, key.left);
      add(join.right, key.right);
    }
  }
  return used;
}

/** The shape of every source table of `spec` as the catalog has it now. */
export function captureSourceShape(spec: EtlSpec, catalog: Catalog): SourceShape {
  const shape: SourceShape = {};
  for (const source of spec.sources) {
    const table = catalog.tables.find((t) => t.schema === source.schema && t.name === source.table);
    if (table)
      shape[`${table.schema}.${table.name}`] = Object.fromEntries(table.columns.map((c) => [c.name, c.dataType]));
  }
  return shape;
}

/** What changed in the sources of `spec` between `saved` and the catalog now; used columns first. */
export function findDrift(saved: SourceShape, spec: EtlSpec, catalog: Catalog): Drift[] {
  const now = captureSourceShape(spec, catalog);
  const used = usedColumns(spec);
  const drift: Drift[] = [];
  for (const [table, columns] of Object.entries(saved)) {
    const current = now[table];
    if (!current) {
      drift.push({ kind: "table_dropped", table, used: true });
      continue;
    }
    const reads = used.get(table) ?? new Set<string>();
    for (const [column, before] of Object.entries(columns)) {
      const after = current[column];
      if (after === undefined) drift.push({ kind: "column_dropped", table, column, before, used: reads.has(column) });
      else if (after !== before)
        drift.push({ kind: "column_retyped", table, column, before, after, used: reads.has(column) });
    }
    for (const [column, after] of Object.entries(current))
      if (!(column in columns)) drift.push({ kind: "column_added", table, column, after, used: false });
  }
  return drift.sort((a, b) => Number(b.used) - Number(a.used));
}

/** One change in words, naming the table and column. */
export function describeDrift(change: Drift): string {
  switch (change.kind) {
    case "table_dropped":
      return `source table ${change.table} no longer exists`;
    case "column_dropped":
      return `source column ${change.table}.${change.column} was dropped (it was ${change.before})`;
    case "column_retyped":
      return `source column ${change.table}.${change.column} changed type from ${change.before} to ${change.after}`;
    case "column_added":
      return `source column ${change.table}.${change.column} (${change.after}) was added`;
  }
}
