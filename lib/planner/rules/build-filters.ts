import type { CatalogTable } from "@/lib/catalog/types";
import type { Filter, Literal } from "@/lib/spec/clauses";
import type { Intent } from "@/lib/planner/rules/intent";
import type { PlannedJoin } from "@/lib/planner/rules/join-plan";
import type { ColumnResolver } from "@/lib/planner/rules/resolve-columns";
import { defaultDateColumn, defaultMeasureColumn } from "@/lib/planner/rules/table-defaults";
import { reject } from "@/lib/planner/rules/types";

/** `knownFrom`: the column the values were seen in, when the filter lands on another one. */
type ValueColumn = { table: CatalogTable; column: string; knownFrom?: { table: CatalogTable; column: string } };

/** For each "shipped or completed" filter, the one column all its values belong to. */
export function resolveValueColumns(intent: Intent, resolver: ColumnResolver): Map<object, ValueColumn> {
  const out = new Map<object, ValueColumn>();
  for (const f of intent.filters) {
    if (f.kind !== "value") continue;
    const keyOf = (e: { table: CatalogTable; column: string }) => `${e.table.name}.${e.column}`;
    let common = new Set(f.entries[0].map(keyOf));
    for (const group of f.entries.slice(1)) common = new Set(group.map(keyOf).filter((k) => common.has(k)));
    const options = f.entries[0].filter((e) => common.has(keyOf(e)));
    if (options.length === 0)
      reject("ambiguous", `"${f.phrase}" mixes values of different columns; filter each column separately`, {
        phrase: f.phrase,
      });
    const { entries: pool, inside } = resolver.preferred(options);
    if (pool.length > 1)
      reject("ambiguous", `"${f.phrase}" is a value of ${pool.map(keyOf).join(" and ")}; name the column`, {
        phrase: f.phrase,
        candidates: pool.map(keyOf),
      });
    const chosen = inside ? pool[0] : (sameRoleColumn(f.phrase, pool[0], resolver.inPlay, intent) ?? pool[0]);
    out.set(f, chosen === pool[0] ? { table: chosen.table, column: chosen.column } : { ...chosen, knownFrom: pool[0] });
    if (!resolver.inPlay.includes(chosen.table)) resolver.inPlay.push(chosen.table);
  }
  return out;
}

const ROLE_PREFIXES = ["billing", "shipping", "ship", "mailing", "home"];
const role = (column: string) =>
  column
    .toLowerCase()
    .split("_")
    .filter((w, k, all) => !(k === 0 && all.length > 1 && ROLE_PREFIXES.includes(w)))
    .join("_");

/**
 * "suppliers in the USA": the value is only known from orders.ship_country, but the named
 * table has a country of its own, and that is the one meant; reaching through three joins to
 * the orders would answer another question. Only a table the prompt does not name is swapped
 * out, for a text column of the same role (country, ship_country, billing_country); two such
 * columns on the named tables are a rejection.
 */
function sameRoleColumn(
  phrase: string,
  found: { table: CatalogTable; column: string },
  named: CatalogTable[],
  intent: Intent,
): { table: CatalogTable; column: string } | undefined {
  const wanted = role(found.column);
  const matches = named.flatMap((table) =>
    table.columns
      .filter(
        (c) =>
          role(c.name) === wanted &&
          !/^(smallint|integer|bigint|numeric|decimal|real|double|date|timestamp|boolean)/.test(c.dataType),
      )
      .map((c) => ({ table, column: c.name })),
  );
  if (matches.length === 0) return undefined;
  if (matches.length > 1)
    reject(
      "ambiguous",
      `"${phrase}" could filter ${matches.map((m) => `${m.table.name}.${m.column}`).join(" or ")}; name the column`,
      { phrase, candidates: matches.map((m) => `${m.table.name}.${m.column}`) },
    );
  intent.notes.push(
    `"${phrase}" read on ${matches[0].table.name}.${matches[0].column} (the value is known from ${found.table.name}.${found.column})`,
  );
  intent.confidence = Math.min(intent.confidence, 0.8);
  return matches[0];
}

/** Filters with every column decided and every literal checked against the column's type. */
export function buildFilters(args: {
  intent: Intent;
  resolver: ColumnResolver;
  main: CatalogTable;
  valueColumns: Map<object, ValueColumn>;
  plan: { joins: PlannedJoin[] };
}): Filter[] {
  const { intent, resolver, main, valueColumns } = args;
  const out: Filter[] = [];
  for (const f of intent.filters) {
    if (f.kind === "value") {
      const { table, column, knownFrom } = valueColumns.get(f)!;
      const seen = knownFrom ?? { table, column };
      const values = [
        ...new Set(
          f.entries.map((group) => group.find((e) => e.table === seen.table && e.column === seen.column)!.value),
        ),
      ];
      const ref = { source: table.name, column };
      if (values.length === 1) out.push({ op: f.negate ? "!=" : "=", column: ref, value: values[0], phrase: f.phrase });
      else out.push({ op: f.negate ? "not_in" : "in", column: ref, values, phrase: f.phrase });
      continue;
    }
    if (f.kind === "date") {
      const { table, column } = f.pick
        ? resolver.one(f.pick)
        : { table: f.table ?? main, column: defaultDateColumn(f.table ?? main, f.phrase) };
      out.push({
        op: "date_range",
        column: { source: table.name, column },
        ...(f.range.from ? { from: f.range.from } : {}),
        ...(f.range.to ? { to: f.range.to } : {}),
        phrase: f.phrase,
      });
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
    if (f.kind === "null" && f.presence && isNumeric(type) && !isKey(table, column))
      out.push(numericPresence(f.negate, ref, column, f.phrase));
    else if (f.kind === "null") out.push({ op: f.negate ? "is_not_null" : "is_null", column: ref, phrase: f.phrase });
    else if (f.kind === "between")
      out.push({ op: "between", column: ref, low: fit(f.low), high: fit(f.high), phrase: f.phrase });
    else if (f.kind === "in")
      out.push({ op: f.negate ? "not_in" : "in", column: ref, values: f.values.map(fit), phrase: f.phrase });
    else out.push({ op: f.op, column: ref, value: fit(f.value), phrase: f.phrase });
  }
  return out;
}

const isNumeric = (dataType: string) => /^(smallint|integer|bigint|numeric|decimal|real|double)/.test(dataType);
// "with a support rep" (support_rep_id) asks whether a row points somewhere: NULL is the answer.
const isKey = (table: CatalogTable, column: string) =>
  /(^|_)id$/.test(column) ||
  table.primaryKey.includes(column) ||
  table.foreignKeys.some((fk) => fk.columns.includes(column));

/**
 * "with a discount" on a number means a discount above zero: a numeric column is rarely NULL
 * (0 stands for none), so "is not null" would keep every row. "Without a discount" could be
 * 0, NULL or both, so it is refused rather than guessed.
 */
function numericPresence(
  has: boolean,
  column: { source: string; column: string },
  name: string,
  phrase: string,
): Filter {
  if (has) return { op: ">", column, value: 0, phrase };
  return reject("ambiguous", `"${phrase}": ${name} is a number; say "${name} is 0" or "${name} is null"`, { phrase });
}

/** Numbers for numeric columns, text for text columns; a mismatch is the user's to fix. */
function literalFor(dataType: string, value: Literal, phrase: string): Literal {
  if (isNumeric(dataType)) {
    if (typeof value === "number") return value;
    if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    return reject(
      "not_understood",
      `"${phrase}": the column is numeric (${dataType}) but ${JSON.stringify(value)} is not a number`,
      { phrase },
    );
  }
  return typeof value === "number" ? String(value) : value;
}
