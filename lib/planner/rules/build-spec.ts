import type { Catalog, CatalogTable } from "@/lib/catalog/types";
import { EtlSpecSchema, type EtlSpec } from "@/lib/spec/etl-spec";
import type { GrainKey, Join, OrderBy, Having } from "@/lib/spec/clauses";
import type { OutputColumn } from "@/lib/spec/output-column";
import { toSnakeIdentifier } from "@/lib/spec/identifier";
import type { ColumnPick, Intent, MeasureIntent } from "@/lib/planner/rules/intent";
import { getJoinGraph } from "@/lib/planner/rules/join-graph";
import { planJoins } from "@/lib/planner/rules/join-plan";
import { ColumnResolver } from "@/lib/planner/rules/resolve-columns";
import { collectTables, chooseMain, repeatsRows, rewriteRankings } from "@/lib/planner/rules/build-context";
import { buildOutputs, determines } from "@/lib/planner/rules/build-outputs";
import type { PlannedJoin } from "@/lib/planner/rules/join-plan";
import { buildFilters, resolveValueColumns } from "@/lib/planner/rules/build-filters";
import { defaultDateColumn, defaultMeasureColumn, primaryKey } from "@/lib/planner/rules/table-defaults";
import { deriveTargetName, singular, adverb } from "@/lib/planner/rules/naming";
import { reject } from "@/lib/planner/rules/types";
import { rankTables } from "@/lib/planner/rules/table-ranks";
import { placeDates } from "@/lib/planner/rules/date-tables";

/** Turns what the parser read into a validated spec: tables decided, joins planned, outputs named. */
export function buildSpec(prompt: string, intent: Intent, catalog: Catalog, derived?: ReadonlySet<string>): EtlSpec {
  const graph = getJoinGraph(catalog);
  const explicit = collectTables(intent);
  const resolver = new ColumnResolver([...explicit], graph, intent, rankTables({ named: explicit, graph, derived }));
  rewriteRankings(intent, resolver, graph);
  resolvePicks(intent, resolver, explicit);
  const valueColumns = resolveValueColumns(intent, resolver);

  const main = chooseMain(intent, resolver);
  if (!main)
    reject("not_understood", `could not tell which table "${prompt.trim()}" is about`, { phrase: prompt.trim() });
  impliedSums(intent, resolver);
  placeDates(intent, resolver, main!, graph);
  const aggregated = intent.measures.some((m) => m.kind === "aggregate") || intent.having.length > 0;
  if (!aggregated && intent.grain.length > 0) {
    const g = intent.grain[0];
    reject(
      "not_understood",
      `"${g.phrase}": say what to compute ${g.phrase}, e.g. "number of orders ${g.phrase}" or "total amount ${g.phrase}"`,
      { phrase: g.phrase },
    );
  }
  if (aggregated && intent.grain.length === 0) {
    const counted = (t: CatalogTable) =>
      intent.having.some((h) => h.measure.kind === "aggregate" && "table" in h.measure.of && h.measure.of.table === t);
    // "top 10 customers by ...", "customers with more than 5 orders", "all customers with their total ...": one row per entity.
    const entity =
      intent.order.find((o) => o.entity)?.entity ??
      (intent.having.length > 0 ? explicit.find((t) => !counted(t)) : undefined) ??
      (intent.keepAll?.table && intent.keepAll.table !== main ? intent.keepAll.table : undefined);
    if (entity)
      intent.grain.push({
        kind: "table",
        table: entity,
        phrase: intent.order.find((o) => o.entity)?.phrase ?? entity.name,
      });
  }
  const grainTable = intent.grain.find((g) => g.kind === "table")?.table;
  if (intent.keepAll && !intent.keepAll.table) intent.keepAll.table = grainTable ?? explicit[0] ?? main;
  const base = intent.keepAll?.table ?? grainTable ?? intent.joins[0]?.tables[0] ?? explicit[0] ?? main!;

  const required = [...resolver.inPlay, main!];
  const plan = planJoins({
    base,
    required,
    hints: intent.joins,
    graph,
    outer: Boolean(intent.keepAll && intent.keepAll.table === base),
  });
  const fansOut = (t: CatalogTable) => repeatsRows(t, plan.joins);

  const grain: GrainKey[] = [];
  const built = buildOutputs({ intent, resolver, main: main!, plan, fansOut, grain, aggregated });
  const filters = buildFilters({ intent, resolver, main: main!, valueColumns, plan });

  const nameOf = (m: MeasureIntent) => built.byMeasure.get(m);
  const having: Having[] = intent.having.map((h) => ({
    output: nameOf(h.measure)!,
    op: h.op,
    value: h.value,
    phrase: h.phrase,
  }));
  const orderBy: OrderBy[] = [];
  for (const o of intent.order) {
    let name: string | undefined;
    if (typeof o.measure === "object") name = nameOf(o.measure);
    else {
      const entity = o.entity ?? main!;
      const column =
        o.measure === "date" ? defaultDateColumn(entity, o.phrase) : defaultMeasureColumn(entity, o.phrase);
      name = built.columns.find(
        (c) =>
          c.expr.kind === "column" &&
          c.expr.column.source === entity.name &&
          c.expr.column.column === column &&
          !c.expr.bucket,
      )?.name;
    }
    if (!name)
      reject("not_understood", `"${o.phrase}": could not find the column to rank by among the outputs`, {
        phrase: o.phrase,
      });
    if (!orderBy.some((x) => x.output === name))
      orderBy.push({ output: name!, direction: o.direction, phrase: o.phrase });
  }

  const joins: Join[] = plan.joins.map((j) => ({
    type: j.left_outer ? "left" : "inner",
    left: j.left.name,
    right: j.right.name,
    on: j.on,
    phrase: j.phrase,
  }));
  for (const w of intent.without) {
    const key = primaryKey(w.table, w.phrase)[0];
    filters.push({ op: "is_null", column: { source: w.table.name, column: key }, phrase: w.phrase });
  }

  if (joins.some((j) => j.type === "left")) {
    // Kept rows with nothing to add up read as 0, not NULL: "customers without orders spent 0".
    for (const c of built.columns) if (c.expr.kind === "aggregate" && c.expr.fn === "sum") c.expr.zeroIfEmpty = true;
  }
  const fns = built.columns.flatMap((c) => (c.expr.kind === "aggregate" ? [c.expr.fn] : []));
  const grainWords = [
    ...new Set(
      grain.map((g) => {
        if (g.bucket) return adverb(g.bucket);
        const table = plan.tables.find((t) => t.name === g.column.source)!;
        return table.primaryKey.includes(g.column.column) ? singular(table) : g.column.column;
      }),
    ),
  ];
  const targetName = intent.target
    ? toSnakeIdentifier(intent.target.name)
    : deriveTargetName({ grain: grainWords, main: main!, fns, limit: intent.limit?.count, base });
  if (!targetName)
    reject(
      "not_understood",
      `"${intent.target?.phrase}": not a usable table name; use letters, digits and underscores`,
      { phrase: intent.target?.phrase },
    );
  const targetSchema = intent.target?.schema ? (toSnakeIdentifier(intent.target.schema) ?? undefined) : undefined;
  if (intent.target && targetName !== intent.target.name)
    intent.notes.push(`target table named ${targetName} (from "${intent.target.name}")`);

  const spec = {
    ...(onlyFilteredBy(plan, built.columns, aggregated, fansOut) ? { distinct: true } : {}),
    version: 1 as const,
    prompt,
    target: {
      ...(targetSchema ? { schema: targetSchema } : {}),
      table: targetName!,
      phrase: intent.target?.phrase ?? "",
    },
    sources: plan.tables.map((t) => ({
      schema: t.schema,
      table: t.name,
      alias: t.name,
      phrase: explicitPhrase(intent, t),
    })),
    joins,
    filters,
    grain,
    columns: built.columns as OutputColumn[],
    having,
    orderBy,
    ...(intent.limit ? { limit: intent.limit } : {}),
  };
  const parsed = EtlSpecSchema.safeParse(spec);
  if (!parsed.success)
    reject(
      "not_understood",
      `could not build a consistent plan: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
    );
  return parsed.data!;
}

/**
 * "orders paid by credit card": rows of the base table, with a joined table that only filters
 * them but would repeat an order paid twice by card. Every output is fixed by the base row and
 * its key is shown, so keeping distinct rows keeps each base row once.
 */
function onlyFilteredBy(
  plan: { tables: CatalogTable[]; joins: PlannedJoin[] },
  columns: OutputColumn[],
  aggregated: boolean,
  fansOut: (t: CatalogTable) => boolean,
): boolean {
  const base = plan.tables[0];
  if (aggregated || !fansOut(base) || base.primaryKey.length === 0) return false;
  const sources = new Set(
    columns.flatMap((c) =>
      c.expr.kind === "column"
        ? [c.expr.column.source]
        : c.expr.kind === "expression"
          ? plan.tables.filter((t) => (c.expr as { sql: string }).sql.includes(`${t.name}.`)).map((t) => t.name)
          : [],
    ),
  );
  const keyShown = base.primaryKey.every((k) =>
    columns.some(
      (c) =>
        c.expr.kind === "column" && c.expr.column.source === base.name && c.expr.column.column === k && !c.expr.bucket,
    ),
  );
  return (
    keyShown && [...sources].every((name) => determines(base, plan.tables.find((t) => t.name === name)!, plan.joins))
  );
}

function resolvePicks(intent: Intent, resolver: ColumnResolver, explicit: CatalogTable[]): void {
  const picks: ColumnPick[] = [];
  narrowExpressions(intent);
  for (const m of intent.measures) {
    if (m.kind === "column") picks.push(m.pick);
    if (m.kind === "aggregate" && "pick" in m.of) picks.push(m.of.pick);
    const expr = m.kind === "expression" ? m.expr : m.kind === "aggregate" && "expr" in m.of ? m.of.expr : undefined;
    for (const o of expr?.operands ?? []) if ("pick" in o) picks.push(o.pick);
  }
  for (const g of intent.grain) if (g.kind !== "table" && g.pick) picks.push(g.pick);
  for (const f of intent.filters) if ("pick" in f && f.pick) picks.push(f.pick);
  // Phrases that name a table in play, or only one table at all, go first; they narrow the rest.
  const sure = picks.filter((p) => p.candidates.length === 1 || p.candidates.some((c) => explicit.includes(c.table)));
  for (const p of sure) resolver.resolve(p);
  for (const p of picks) resolver.resolve(p);
}

const SUM_WORDS = ["revenue", "sales", "sale", "spend", "spending", "spent", "total"];

/** "revenue per category": with a grain and no aggregate, a revenue-like column is summed (and noted). */
function impliedSums(intent: Intent, resolver: ColumnResolver): void {
  if (intent.grain.length === 0 || intent.measures.some((m) => m.kind === "aggregate") || intent.having.length > 0)
    return;
  intent.measures.forEach((m, k) => {
    if (m.kind !== "column" || !SUM_WORDS.some((w) => m.pick.phrase.toLowerCase().split(/\s+/).includes(w))) return;
    const { table, column } = resolver.one(m.pick);
    intent.measures[k] = {
      kind: "aggregate",
      fn: "sum",
      of: { pick: m.pick },
      keyword: "total",
      words: m.pick.phrase,
      phrase: m.phrase,
      rename: m.rename,
    };
    intent.notes.push(`"${m.phrase}" read as the total of ${table.name}.${column}`);
    intent.confidence = Math.min(intent.confidence, 0.8);
  });
}

/** "quantity times unit price": operands of one expression come from one table when one table has them all. */
function narrowExpressions(intent: Intent): void {
  for (const m of intent.measures) {
    const expr = m.kind === "expression" ? m.expr : m.kind === "aggregate" && "expr" in m.of ? m.of.expr : undefined;
    const picks = (expr?.operands ?? []).flatMap((o) => ("pick" in o ? [o.pick] : []));
    if (picks.length < 2) continue;
    let common = new Set(picks[0].candidates.map((c) => c.table));
    for (const p of picks.slice(1)) common = new Set(p.candidates.map((c) => c.table).filter((t) => common.has(t)));
    if (common.size !== 1) continue;
    const [table] = common;
    for (const p of picks) p.candidates = p.candidates.filter((c) => c.table === table);
  }
}

function explicitPhrase(intent: Intent, table: CatalogTable): string {
  return (
    intent.tables.find((t) => t.table === table)?.phrase ??
    intent.joins.find((j) => j.tables.includes(table))?.phrase ??
    ""
  );
}
