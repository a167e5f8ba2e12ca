import type { CatalogTable } from "@/lib/catalog/types";
import { distance, shortestPaths, type JoinGraph } from "@/lib/planner/rules/join-graph";
import type { Token } from "@/lib/planner/rules/tokens";

/**
 * How readily a column word may be linked to a table: 0 a table the prompt names (or one on the
 * join path between two named tables), 1 any other base table, 2 a table DataMorph published
 * itself or one no foreign key links to the named tables.
 */
export type TableRank = 0 | 1 | 2;

export type TableRanking = { scope: Set<CatalogTable>; rank: (table: CatalogTable) => TableRank };

/** "schema.table" keys, as `derivedTables` lists them. */
export const tableKey = (t: CatalogTable) => `${t.schema}.${t.name}`;

/**
 * Ranks every table against the ones a prompt names, so that a table the user just built from
 * the same sources ("customer_order_totals.total_order_amount") never shadows the source
 * column the prompt means ("order amount" of the named orders).
 */
export function rankTables(opts: {
  named: CatalogTable[];
  graph: JoinGraph;
  derived?: ReadonlySet<string>;
}): TableRanking {
  const scope = new Set(opts.named);
  for (let a = 0; a < opts.named.length; a++) {
    for (let b = a + 1; b < opts.named.length; b++) {
      for (const path of shortestPaths(opts.graph, [opts.named[a]], opts.named[b]))
        for (const edge of path) scope.add(edge.from), scope.add(edge.to);
    }
  }
  const ranks = new Map<CatalogTable, TableRank>();
  const rank = (table: CatalogTable): TableRank => {
    let r = ranks.get(table);
    if (r === undefined) {
      if (scope.has(table)) r = 0;
      else if (opts.derived?.has(tableKey(table))) r = 2;
      else r = scope.size > 0 && distance(opts.graph, [...scope], table) === Infinity ? 2 : 1;
      ranks.set(table, r);
    }
    return r;
  };
  return { scope, rank };
}

/** Tables a token names outright: a mention read best as a table, or the table of `table.column`. */
export function namedTables(tokens: Token[]): CatalogTable[] {
  const out = new Set<CatalogTable>();
  for (const t of tokens) {
    if (t.kind === "qualified") out.add(t.table);
    if (t.kind !== "mention") continue;
    const best = Math.min(...t.entries.map((e) => e.tier));
    for (const e of t.entries) if (e.kind === "table" && e.tier === best) out.add(e.table);
  }
  return [...out];
}

/** The entries of the best-ranked tables: in scope first, then base tables, then the rest. */
export function preferRanked<T extends { table: CatalogTable }>(entries: T[], ranking: TableRanking | undefined): T[] {
  if (!ranking || entries.length === 0) return entries;
  const min = Math.min(...entries.map((e) => ranking.rank(e.table)));
  return entries.filter((e) => ranking.rank(e.table) === min);
}
