import type { Catalog, CatalogTable } from "@/lib/catalog/types";

/** A foreign key seen from `from`: from.fromColumns reference to.toColumns. */
export type Edge = { from: CatalogTable; fromColumns: string[]; to: CatalogTable; toColumns: string[] };

export type JoinGraph = { neighbours: Map<CatalogTable, { edge: Edge; other: CatalogTable }[]> };

const cache = new WeakMap<Catalog, JoinGraph>();

/** Foreign keys as an undirected graph, built once per catalog object. */
export function getJoinGraph(catalog: Catalog): JoinGraph {
  let graph = cache.get(catalog);
  if (graph) return graph;
  const neighbours = new Map<CatalogTable, { edge: Edge; other: CatalogTable }[]>(catalog.tables.map((t) => [t, []]));
  for (const from of catalog.tables) {
    for (const fk of from.foreignKeys) {
      const to = catalog.tables.find((t) => t.schema === fk.refSchema && t.name === fk.refTable);
      if (!to || to === from) continue;
      const edge: Edge = { from, fromColumns: fk.columns, to, toColumns: fk.refColumns };
      neighbours.get(from)!.push({ edge, other: to });
      neighbours.get(to)!.push({ edge, other: from });
    }
  }
  graph = { neighbours };
  cache.set(catalog, graph);
  return graph;
}

/** Hop count from any of `sources` to `target` over foreign keys, or Infinity. */
export function distance(graph: JoinGraph, sources: CatalogTable[], target: CatalogTable): number {
  const seen = new Set(sources);
  let frontier = [...sources];
  for (let hops = 0; frontier.length > 0; hops++) {
    if (frontier.includes(target)) return hops;
    const next: CatalogTable[] = [];
    for (const t of frontier)
      for (const { other } of graph.neighbours.get(t) ?? []) if (!seen.has(other)) seen.add(other), next.push(other);
    frontier = next;
  }
  return Infinity;
}

/**
 * Every shortest foreign-key path from the tree to `target`, as edge lists, so the caller can
 * tell one path from two equally short ones.
 */
export function shortestPaths(graph: JoinGraph, tree: CatalogTable[], target: CatalogTable, maxHops = 3): Edge[][] {
  type Walk = { at: CatalogTable; edges: Edge[]; visited: Set<CatalogTable> };
  let walks: Walk[] = tree.map((t) => ({ at: t, edges: [], visited: new Set(tree) }));
  for (let hops = 1; hops <= maxHops; hops++) {
    const next: Walk[] = [];
    for (const w of walks) {
      for (const { edge, other } of graph.neighbours.get(w.at) ?? []) {
        if (w.visited.has(other)) continue;
        next.push({ at: other, edges: [...w.edges, edge], visited: new Set([...w.visited, other]) });
      }
    }
    const done = next.filter((w) => w.at === target);
    if (done.length > 0) return done.map((w) => w.edges);
    walks = next;
  }
  return [];
}
