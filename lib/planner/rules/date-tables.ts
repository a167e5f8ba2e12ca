import type { CatalogTable } from "@/lib/catalog/types";
import type { Intent } from "@/lib/planner/rules/intent";
import type { JoinGraph } from "@/lib/planner/rules/join-graph";
import type { ColumnResolver } from "@/lib/planner/rules/resolve-columns";
import { isDateLike } from "@/lib/planner/rules/column-variants";
import { hasDefaultDate } from "@/lib/planner/rules/table-defaults";
import { reject } from "@/lib/planner/rules/types";

/**
 * Decides the table whose date a bare period ("in 2024", "per month") reads: the table named
 * before it, else the measured table, else the single nearest table (by foreign keys) that has
 * one date ("total quantity per product in 2024" reads orders.order_date through order_items).
 */
export function placeDates(intent: Intent, resolver: ColumnResolver, main: CatalogTable, graph: JoinGraph): void {
  const place = (named: CatalogTable | undefined, phrase: string): CatalogTable => {
    const table = datedTable(named ?? main, main, graph, phrase, intent);
    if (!resolver.inPlay.includes(table)) resolver.inPlay.push(table);
    return table;
  };
  for (const f of intent.filters) if (f.kind === "date" && !f.pick) f.table = place(f.table, f.phrase);
  for (const g of intent.grain) if (g.kind === "bucket" && !g.pick) g.table = place(undefined, g.phrase);
}

function datedTable(
  start: CatalogTable,
  main: CatalogTable,
  graph: JoinGraph,
  phrase: string,
  intent: Intent,
): CatalogTable {
  // A table with dates of its own keeps them, even when it must then say which one it means.
  if (hasDates(start)) return start;
  if (hasDates(main)) return main;
  const seen = new Set([main]);
  let frontier = [main];
  for (let hops = 1; hops <= 3 && frontier.length > 0; hops++) {
    const next: CatalogTable[] = [];
    for (const t of frontier)
      for (const { other } of graph.neighbours.get(t) ?? []) if (!seen.has(other)) seen.add(other), next.push(other);
    const dated = next.filter(hasDefaultDate);
    if (dated.length > 1)
      reject(
        "ambiguous",
        `"${phrase}": ${main.name} has no date; ${dated.map((t) => t.name).join(" and ")} are equally near; name the date column`,
        { phrase, candidates: dated.map((t) => t.name) },
      );
    if (dated.length === 1) {
      intent.notes.push(`"${phrase}" read on the date of ${dated[0].name} (${main.name} has no date)`);
      intent.confidence = Math.min(intent.confidence, 0.8);
      return dated[0];
    }
    frontier = next;
  }
  return start;
}

const hasDates = (table: CatalogTable) => table.columns.some(isDateLike);
