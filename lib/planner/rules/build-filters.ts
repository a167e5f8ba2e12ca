import type { CatalogTable } from "@/lib/catalog/types";
import type { Filter, Literal } from "@/lib/spec/clauses";
import type { Intent } from "@/lib/planner/rules/intent";
import type { PlannedJoin } from "@/lib/planner/rules/join-plan";
import type { ColumnResolver } from "@/lib/planner/rules/resolve-columns";
import { defaultDateColumn, defaultMeasureColumn } from "@/lib/planner/rules/table-defaults";
import { reject } from "@/lib/planner/rules/types";

type ValueColumn = { table: CatalogTable; column: string };

/** For each "shipped or completed" filter, the one column all its values belong to. */
export function resolveValueColumns(intent: Intent, resolver: ColumnResolver): Map<object, ValueColumn> {
  const out = new Map<object, ValueColumn>();
  for (const f of intent.filters) {
    if (f.kind !== "value") continue;
    const keyOf = (e: { table: CatalogTable; column: string }) => `${e.table.name}.${e.column}`;
    let common = new Set(f.entries[0].map(keyOf));
    for (const group of f.entries.slice(1)) common = new Set(group.map(keyOf).filter((k) => common.has(k)));
    const options = f.entries[0].filter((e) => common.has(keyOf(e)));
    if (options.length === 0) reject("ambiguous", `"${f.phrase}" mixes values of different columns; filter each column separately`, { phrase: f.phrase });
    const pool = resolver.preferred(options).entries;
    if (pool.length > 1) reject("ambiguous", `"${f.phrase}" is a value of ${pool.map(keyOf).join(" and ")}; name the column`, { phrase: f.phrase, candidates: pool.map(keyOf) });
    out.set(f, { table: pool[0].table, column: pool[0].column });
    if (!resolver.inPlay.includes(pool[0].table)) resolver.inPlay.push(pool[0].table);
  }
  return out;
}

/** Filters with every column decided and every literal checked against the column's type. */
export function buildFilters(args: { intent: Intent; resolver: ColumnResolver; main: CatalogTable; valueColumns: Map<object, ValueColumn>; plan: { joins: PlannedJoin[] } }): Filter[] {
  const { intent, resolver, main, valueColumns } = args;
  const out: Filter[] = [];
  for (const f of intent.filters) {
    if (f.kind === "value") {
      const { table, column } = valueColumns.get(f)!;
      const values = [...new Set(f.entries.map((group) => group.find((e) => e.table === table && e.column === column)!.value))];
      const ref = { source: table.name, column };
      if (values.length === 1) out.push({ op: f.negate ? "!=" : "=", column: ref, value: values[0], phrase: f.phrase });
      else out.push({ op: f.negate ? "not_in" : "in", column: ref, values, phrase: f.phrase });
      continue;
    }
    if (f.kind === "date") {
      const { table, column } = f.pick ? resolver.one(f.pick) : { table: f.table ?? main, column: defaultDateColumn(f.table ?? main, f.phrase) };
      out.push({ op: "date_range", column: { source: table.name, column }, ...(f.range.from ? { from: f.range.from } : {}), ...(f.range.to ? { to: f.range.to } : {}), phrase: f.phrase });
      continue;
    }
    if (f.kind === "measure") {
      const column = defaultMeasureColumn(f.table, f.phrase);
      out.push({ op: f.op, column: { source: f.table.name, column }, value: f.value, phrase: f.phrase });
      continue;
    }
    const { table, column } = resolver.one(f.pick);
    const ref = { source: table.name, column };
    const type = table.columns.find((c) => c.name === column)!.dataType;
    const fit = (v: Literal) => literalFor(type, v, f.phrase);
    if (f.kind === "null") out.push({ op: f.negate ? "is_not_null" : "is_null", column: ref, phrase: f.phrase });
    else if (f.kind === "between") out.push({ op: "between", column: ref, low: fit(f.low), high: fit(f.high), phrase: f.phrase });
    else if (f.kind === "in") out.push({ op: f.negate ? "not_in" : "in", column: ref, values: f.values.map(fit), phrase: f.phrase });
    else out.push({ op: f.op, column: ref, value: fit(f.value), phrase: f.phrase });
  }
  return out;
}

/** Numbers for numeric columns, text for text columns; a mismatch is the user's to fix. */
function literalFor(dataType: string, value: Literal, phrase: string): Literal {
  const numeric = /^(smallint|integer|bigint|numeric|decimal|real|double)/.test(dataType);
  if (numeric) {
    if (typeof value === "number") return value;
    if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    return reject("not_understood", `"${phrase}": the column is numeric (${dataType}) but ${JSON.stringify(value)} is not a number`, { phrase });
  }
  return typeof value === "number" ? String(value) : value;
}
