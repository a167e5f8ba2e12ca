import type { SemanticModel } from "@/lib/semantic-model/model-schema";

/** One join step: from a table to a neighbour over a foreign key, and whether it may repeat rows. */
export type Hop = { from: string; to: string; fromColumns: string[]; toColumns: string[]; fansOut: boolean };

/** The foreign-key graph of the model, both directions; many-to-many ties go through their link table. */
export function joinGraph(model: SemanticModel): Map<string, Hop[]> {
  const graph = new Map<string, Hop[]>();
  const add = (hop: Hop) => graph.set(hop.from, [...(graph.get(hop.from) ?? []), hop]);
  for (const rel of model.relationships) {
    if (rel.cardinality === "many_to_many") continue;
    add({ from: rel.from, to: rel.to, fromColumns: rel.fromColumns, toColumns: rel.toColumns, fansOut: false });
    add({
      from: rel.to,
      to: rel.from,
      fromColumns: rel.toColumns,
      toColumns: rel.fromColumns,
      fansOut: rel.cardinality !== "one_to_one",
    });
  }
  for (const hops of graph.values())
    hops.sort((a, b) => (a.to + a.fromColumns.join() < b.to + b.fromColumns.join() ? -1 : 1));
  return graph;
}

/**
 * Every shortest path (at most `maxHops` joins) from any table of `tree` to `target`, in a
 * stable order. Several paths of the same length are several readings, and the scorer decides.
 */
export function shortestPaths(graph: Map<string, Hop[]>, tree: string[], target: string, maxHops = 4): Hop[][] {
  if (tree.includes(target)) return [[]];
  let frontier: Hop[][] = tree.map(() => []);
  const starts = [...tree];
  for (let depth = 1; depth <= maxHops; depth++) {
    const next: Hop[][] = [];
    const found: Hop[][] = [];
    frontier.forEach((path, i) => {
      const at = path.length > 0 ? path[path.length - 1].to : starts[i];
      for (const hop of graph.get(at) ?? []) {
        if (tree.includes(hop.to) || path.some((h) => h.from === hop.to)) continue;
        const extended = [...path, hop];
        if (hop.to === target) found.push(extended);
        else next.push(extended);
      }
    });
    if (found.length > 0) return found;
    frontier = next;
    starts.length = 0;
    // Paths now carry their own position; the start list is no longer needed.
    next.forEach((p) => starts.push(p[0].from));
  }
  return [];
}
