import type { CatalogTable } from "@/lib/catalog/types";
import { isDateLike } from "@/lib/planner/rules/column-variants";
import { nameWords } from "@/lib/planner/rules/normalize";
import { reject } from "@/lib/planner/rules/types";

const MEASURE_WORDS = ["amount", "total", "revenue", "price", "value", "sale", "cost"];

/** Whether `defaultDateColumn` finds one date for the table. */
export function hasDefaultDate(table: CatalogTable): boolean {
  const dates = table.columns.filter(isDateLike);
  return (
    dates.length === 1 ||
    dates.some((c) => nameWords(c.name).join(" ") === [...nameWords(table.name), "date"].join(" "))
  );
}

/** The date column a table's rows are dated by: its only date, or the one named after it. */
export function defaultDateColumn(table: CatalogTable, phrase: string): string {
  const dates = table.columns.filter(isDateLike);
  if (dates.length === 1) return dates[0].name;
  const own = dates.find((c) => nameWords(c.name).join(" ") === [...nameWords(table.name), "date"].join(" "));
  if (own) return own.name;
  if (dates.length === 0) reject("not_understood", `"${phrase}": ${table.name} has no date column`, { phrase });
  return reject(
    "ambiguous",
    `"${phrase}": ${table.name} has several dates (${dates.map((d) => d.name).join(", ")}); name the one you mean`,
    {
      phrase,
      candidates: dates.map((d) => `${table.name}.${d.name}`),
    },
  );
}

/** The numeric column that measures a table's rows ("largest orders" = orders.amount). */
export function defaultMeasureColumn(table: CatalogTable, phrase: string): string {
  const numeric = table.columns.filter(
    (c) => /^(numeric|decimal|integer|bigint|smallint|real|double)/.test(c.dataType) && !/_id$|^id$/.test(c.name),
  );
  const named = numeric.filter((c) => nameWords(c.name).some((w) => MEASURE_WORDS.includes(w)));
  const pool = named.length > 0 ? named : numeric;
  if (pool.length === 1) return pool[0].name;
  return reject(
    "ambiguous",
    `"${phrase}": measure ${table.name} by which column? (${pool.map((c) => c.name).join(", ") || "none is numeric"})`,
    {
      phrase,
      candidates: pool.map((c) => `${table.name}.${c.name}`),
    },
  );
}

/** The key that identifies one row of a table, for "per customer" and "number of orders". */
export function primaryKey(table: CatalogTable, phrase: string): string[] {
  if (table.primaryKey.length > 0) return table.primaryKey;
  return reject(
    "not_understood",
    `"${phrase}": ${table.name} has no primary key to group by; group by one of its columns instead`,
    { phrase },
  );
}
