import type { CatalogTable } from "@/lib/catalog/types";
import type { Intent } from "@/lib/planner/rules/intent";
import { distance, type JoinGraph } from "@/lib/planner/rules/join-graph";
import { landsOnKey, walkJoins, type JoinStep, type PlannedJoin } from "@/lib/planner/rules/join-plan";
import type { ColumnResolver } from "@/lib/planner/rules/resolve-columns";

/** Tables the prompt names outright, in the order it names them. */
export function collectTables(intent: Intent): CatalogTable[] {
  const out: CatalogTable[] = [];
  const add = (t?: CatalogTable) => {
    if (t && !out.includes(t)) out.push(t);
  };
  intent.joins.forEach((j) => j.tables.forEach(add));
  intent.tables.forEach((t) => add(t.table));
  intent.grain.forEach((g) => g.kind === "table" && add(g.table));
  intent.measures.forEach((m) => m.kind === "aggregate" && "table" in m.of && add(m.of.table));
  intent.having.forEach((h) => h.measure.kind === "aggregate" && "table" in h.measure.of && add(h.measure.of.table));
  add(intent.keepAll?.table);
  intent.without.forEach((w) => add(w.table));
  intent.order.forEach((o) => add(o.entity));
  intent.filters.forEach((f) => (f.kind === "measure" || f.kind === "date" ? add(f.table) : undefined));
  return out;
}

/** The table the request measures: the first aggregate's, else the grain's, else the first named. */
export function chooseMain(intent: Intent, resolver: ColumnResolver): CatalogTable | undefined {
  for (const m of intent.measures) {
    if (m.kind !== "aggregate") continue;
    if ("table" in m.of) return m.of.table;
    if ("pick" in m.of) return resolver.resolve(m.of.pick).table;
    if ("expr" in m.of) {
      const first = m.of.expr.operands.find((o) => "pick" in o);
      if (first && "pick" in first) return resolver.resolve(first.pick).table;
    }
  }
  for (const h of intent.having)
    if (h.measure.kind === "aggregate" && "table" in h.measure.of) return h.measure.of.table;
  const grain = intent.grain.find((g) => g.kind === "table");
  if (grain && grain.kind === "table") return grain.table;
  return intent.tables[0]?.table ?? intent.joins[0]?.tables[0] ?? resolver.inPlay[0];
}

/**
 * "top 10 customers by order amount": a column of a table below the ranked entity is read as
 * that column's total per entity, and said so in the notes.
 */
export function rewriteRankings(intent: Intent, resolver: ColumnResolver, graph: JoinGraph): void {
  for (const o of intent.order) {
    if (!o.entity || typeof o.measure !== "object" || o.measure.kind !== "column") continue;
    const { table } = resolver.resolve(o.measure.pick);
    if (table === o.entity || distance(graph, [o.entity], table) === Infinity) continue;
    const m = o.measure;
    const rewritten = {
      kind: "aggregate" as const,
      fn: "sum" as const,
      of: { pick: m.pick },
      keyword: "total",
      words: m.pick.phrase,
      phrase: m.phrase,
      rename: m.rename,
      implicit: `ranked ${o.entity.name} by the total of ${table.name} ${m.pick.phrase} per ${o.entity.name}`,
    };
    intent.measures[intent.measures.indexOf(m)] = rewritten;
    o.measure = rewritten;
  }
}

/**
 * True when the joins repeat a row of `t`: walking the join tree away from t, some step lands
 * on a table by columns that are not its primary key (one customer, many orders). A table with
 * no declared key (an imported CSV) is not assumed to repeat rows: the data tests check the
 * built table for fan-out and the remediator repairs or stops the run.
 */
export function repeatsRows(t: CatalogTable, joins: PlannedJoin[]): boolean {
  const keyOrUnknown = (step: JoinStep) => step.far.primaryKey.length === 0 || landsOnKey(step);
  for (const step of walkJoins(t, joins, keyOrUnknown)) if (!keyOrUnknown(step)) return true;
  return false;
}
