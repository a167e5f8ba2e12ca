import { quoteIdent } from "@/lib/db/ident";
import type { EtlSpec } from "@/lib/spec/etl-spec";

export type SortKey = { column: string; direction: "asc" | "desc" };

/**
 * The order a run's result is read in: the column the reader sorted by, when the table has it;
 * else the spec's ORDER BY (those of its columns the table still has); else the first column.
 */
export function resultOrder({
  spec,
  columns,
  requested,
}: {
  spec: EtlSpec | null;
  columns: string[];
  requested?: SortKey | null;
}): SortKey[] {
  if (requested && columns.includes(requested.column)) return [requested];
  const fromSpec = (spec?.orderBy ?? [])
    .filter((o) => columns.includes(o.output))
    .map((o) => ({ column: o.output, direction: o.direction }));
  if (fromSpec.length > 0) return fromSpec;
  return columns.length > 0 ? [{ column: columns[0], direction: "asc" }] : [];
}

/**
 * `order by …` for keys already checked against the table's columns. NULLs sort last either
 * way, so a sorted column shows its values first. With `alias`, each key names the table's own
 * column (`t."amount"`), never a select-list column of the same name, such as its text.
 */
export function orderBySql(order: SortKey[], alias?: string): string {
  const name = (column: string) => (alias ? `${quoteIdent(alias)}.${quoteIdent(column)}` : quoteIdent(column));
  return order.length > 0
    ? `order by ${order.map((k) => `${name(k.column)} ${k.direction} nulls last`).join(", ")}`
    : "";
}

/** A sort asked for in a URL (`?sort=amount&dir=desc`); anything unreadable is ignored. */
export function parseSortKey(sort: unknown, dir: unknown): SortKey | null {
  if (typeof sort !== "string" || sort.length === 0 || sort.length > 63) return null;
  return { column: sort, direction: dir === "desc" ? "desc" : "asc" };
}
