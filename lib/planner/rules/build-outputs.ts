import type { CatalogTable } from "@/lib/catalog/types";
import type { GrainKey } from "@/lib/spec/clauses";
import type { OutputColumn, OutputExpr } from "@/lib/spec/output-column";
import { toSnakeIdentifier } from "@/lib/spec/identifier";
import type { Intent, MeasureIntent, Rename } from "@/lib/planner/rules/intent";
import { landsOnKey, walkJoins, type PlannedJoin } from "@/lib/planner/rules/join-plan";
import type { ColumnResolver } from "@/lib/planner/rules/resolve-columns";
import { buildAggregate, expressionName, expressionSql } from "@/lib/planner/rules/build-measures";
import { defaultDateColumn, defaultMeasureColumn, primaryKey } from "@/lib/planner/rules/table-defaults";
import { bucketName, singular } from "@/lib/planner/rules/naming";
import { reject } from "@/lib/planner/rules/types";

type Args = {
  intent: Intent;
  resolver: ColumnResolver;
  main: CatalogTable;
  plan: { tables: CatalogTable[]; joins: PlannedJoin[] };
  fansOut: (t: CatalogTable) => boolean;
  grain: GrainKey[];
  aggregated: boolean;
};

/** Output columns in target order: grain keys, descriptive columns, then measures as typed. */
export function buildOutputs({ intent, resolver, main, plan, fansOut, grain, aggregated }: Args) {
  const columns: OutputColumn[] = [];
  const byMeasure = new Map<MeasureIntent, string>();
  const seen = new Map<string, string>();
  const grainNames: string[] = [];
  const claim = (wanted: string, table: CatalogTable | undefined, rename?: Rename) => {
    if (rename) {
      const name = toSnakeIdentifier(rename.name);
      if (!name || columns.some((c) => c.name === name))
        reject("ambiguous", `"${rename.phrase}": ${name ?? rename.name} is not a free column name`, {
          phrase: rename.phrase,
        });
      return name!;
    }
    let name = wanted;
    if (columns.some((c) => c.name === name) && table) name = `${singular(table)}_${wanted}`;
    for (let k = 2; columns.some((c) => c.name === name); k++) name = `${wanted}_${k}`;
    return name;
  };
  const push = (expr: OutputExpr, wanted: string, phrase: string, table?: CatalogTable, rename?: Rename): string => {
    const key = JSON.stringify(expr);
    const existing = seen.get(key);
    if (existing) {
      if (!rename) return existing;
      // "customer_id as client" renames the grain key already listed.
      const name = claim("", undefined, rename);
      const col = columns.find((c) => c.name === existing)!;
      col.name = name;
      col.renamePhrase = rename.phrase;
      seen.set(key, name);
      for (const [m, n] of byMeasure) if (n === existing) byMeasure.set(m, name);
      grainNames.forEach((n, k) => n === existing && (grainNames[k] = name));
      return name;
    }
    const name = claim(wanted, table, rename);
    columns.push({ name, expr, phrase, ...(rename ? { renamePhrase: rename.phrase } : {}) });
    seen.set(key, name);
    return name;
  };

  const grainTables: CatalogTable[] = [];
  for (const g of intent.grain) {
    if (g.kind === "table") {
      grainTables.push(g.table);
      for (const column of primaryKey(g.table, g.phrase)) {
        grain.push({ column: { source: g.table.name, column }, phrase: g.phrase });
        grainNames.push(push({ kind: "column", column: { source: g.table.name, column } }, column, g.phrase, g.table));
      }
    } else if (g.kind === "column") {
      const r = resolver.resolve(g.pick);
      for (const column of r.columns) {
        grain.push({ column: { source: r.table.name, column }, phrase: g.phrase });
        grainNames.push(push({ kind: "column", column: { source: r.table.name, column } }, column, g.phrase, r.table));
      }
    } else {
      const { table, column } = g.pick
        ? resolver.one(g.pick)
        : { table: g.table ?? main, column: defaultDateColumn(g.table ?? main, g.phrase) };
      grain.push({ column: { source: table.name, column }, bucket: g.unit, phrase: g.phrase });
      grainNames.push(
        push(
          { kind: "column", column: { source: table.name, column }, bucket: g.unit },
          bucketName(column, g.unit),
          g.phrase,
          table,
        ),
      );
    }
  }

  // A plain column in a grouped table must not split a group: only columns fixed by the grain's key.
  const fixedByGrain = (t: CatalogTable, phrase: string) => {
    if (!aggregated || grainTables.some((g) => determines(g, t, plan.joins))) return;
    reject(
      "ambiguous",
      `"${phrase}" would split each group into several rows; aggregate it (e.g. "latest ${phrase}") or add it to the grain ("per ... and ${phrase}")`,
      { phrase },
    );
  };
  // Grouped tables read: keys, then descriptive columns, then measures.
  const measures = aggregated
    ? [...intent.measures.filter((m) => m.kind === "column"), ...intent.measures.filter((m) => m.kind !== "column")]
    : intent.measures;
  for (const m of [...measures, ...intent.having.map((h) => h.measure)]) {
    if (byMeasure.has(m)) continue;
    if (m.kind === "aggregate") {
      const built = buildAggregate(m, resolver, fansOut, intent);
      byMeasure.set(m, push(built.expr, built.defaultName, m.phrase, built.tables[0], m.rename));
    } else if (m.kind === "column") {
      const r = resolver.resolve(m.pick);
      fixedByGrain(r.table, m.phrase);
      if (r.columns.length > 1 && m.rename)
        reject("ambiguous", `"${m.rename.phrase}" names one column but "${m.phrase}" is ${r.columns.join(" and ")}`, {
          phrase: m.rename.phrase,
        });
      for (const column of r.columns)
        byMeasure.set(
          m,
          push({ kind: "column", column: { source: r.table.name, column } }, column, m.phrase, r.table, m.rename),
        );
    } else {
      const e = expressionSql(m.expr, resolver);
      for (const t of e.tables) fixedByGrain(t, m.phrase);
      byMeasure.set(
        m,
        push({ kind: "expression", sql: e.sql }, expressionName(m.expr), m.phrase, e.tables[0], m.rename),
      );
    }
  }

  if (!aggregated) {
    const ranked = intent.order.find((o) => o.entity && typeof o.measure !== "object");
    if (columns.length === 0) {
      // Nothing chosen: every column of every table, join keys once.
      // "customers without orders": the missing side is all NULL, so only the kept table is shown.
      const named = plan.tables.filter(
        (t) => intent.tables.some((x) => x.table === t) || intent.joins.some((j) => j.tables.includes(t)),
      );
      const shown = intent.without.length > 0 || named.length === 0 ? plan.tables.slice(0, 1) : named;
      for (const t of shown)
        for (const c of t.columns) {
          const dup = columns.find((x) => x.name === c.name);
          const isKey = plan.joins.some(
            (j) =>
              (j.right === t && j.on.some((o) => o.right === c.name)) ||
              (j.left === t && j.on.some((o) => o.left === c.name)),
          );
          if (dup && isKey) continue;
          push({ kind: "column", column: { source: t.name, column: c.name } }, c.name, "", t);
        }
    }
    const base = plan.tables[0];
    const keyShown = base.primaryKey.every((k) =>
      columns.some((c) => c.expr.kind === "column" && c.expr.column.source === base.name && c.expr.column.column === k),
    );
    if (!keyShown && base.primaryKey.length > 0 && intent.measures.length > 0) {
      // Rows of a table carry its key first, so each target row says which source row it is.
      const keys = base.primaryKey.map((k) => ({
        name: claim(k, base),
        expr: { kind: "column" as const, column: { source: base.name, column: k } },
        phrase: "",
      }));
      columns.unshift(...keys);
    }
    if (ranked && typeof ranked.measure !== "object") {
      const entity = ranked.entity ?? main;
      const column =
        ranked.measure === "date"
          ? defaultDateColumn(entity, ranked.phrase)
          : defaultMeasureColumn(entity, ranked.phrase);
      push({ kind: "column", column: { source: entity.name, column } }, column, ranked.phrase, entity);
    }
  }
  return { columns, byMeasure, grainNames };
}

/** True when one row of `from` fixes one row of `to`: every join step lands on a primary key. */
export function determines(from: CatalogTable, to: CatalogTable, joins: PlannedJoin[]): boolean {
  if (from === to) return true;
  for (const step of walkJoins(from, joins, landsOnKey)) if (step.far === to && landsOnKey(step)) return true;
  return false;
}
