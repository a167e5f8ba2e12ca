import type { CatalogTable } from "@/lib/catalog/types";
import type { AggregateFn } from "@/lib/spec/output-column";
import type { TimeBucket } from "@/lib/spec/clauses";
import { toSnakeIdentifier } from "@/lib/spec/identifier";
import { nameWords } from "@/lib/planner/rules/normalize";
import pluralize from "pluralize";

const TYPED_PREFIXES = [
  "earliest",
  "latest",
  "first",
  "last",
  "most recent",
  "oldest",
  "newest",
  "largest",
  "smallest",
  "highest",
  "lowest",
  "biggest",
  "cheapest",
  "most expensive",
];
const ADVERB: Record<TimeBucket, string> = {
  day: "daily",
  week: "weekly",
  month: "monthly",
  quarter: "quarterly",
  year: "yearly",
};

/** Snake name from typed words: "order amount" -> "order_amount". */
export function wordsName(words: string): string {
  return toSnakeIdentifier(words) ?? toSnakeIdentifier(nameWords(words).join(" ")) ?? "value";
}

export function singular(table: CatalogTable): string {
  return nameWords(table.name).join("_");
}

/** "total_order_amount", "order_count", "distinct_product_count", "latest_order_date". */
export function aggregateName(fn: AggregateFn, keyword: string, words: string): string {
  const base = wordsName(words);
  if (fn === "sum") return base === "total" || base.startsWith("total_") ? base : `total_${base}`;
  if (fn === "count") return `${base}_count`;
  if (fn === "count_distinct") return `distinct_${base}_count`;
  if (fn === "avg") return `avg_${base}`;
  const typed = TYPED_PREFIXES.find((p) => p === keyword);
  return `${typed ? wordsName(typed) : fn}_${base}`;
}

/** "order_month" for date_trunc('month', order_date), "paid_month" for paid_at. */
export function bucketName(column: string, unit: TimeBucket): string {
  const words = column.split("_");
  const stem =
    words.length > 1 && ["date", "at", "time", "on", "timestamp"].includes(words[words.length - 1])
      ? words.slice(0, -1)
      : words;
  return `${stem.join("_")}_${unit}`;
}

/** A name for the target table when the prompt gives none, e.g. "customer_order_totals". */
export function deriveTargetName(parts: {
  grain: string[];
  main?: CatalogTable;
  fns: AggregateFn[];
  limit?: number;
  base: CatalogTable;
}): string {
  const words: string[] = [];
  if (parts.fns.length > 0) {
    words.push(...parts.grain);
    if (parts.main && !parts.grain.includes(singular(parts.main))) words.push(singular(parts.main));
    const kinds = new Set(parts.fns.map((f) => (f === "count_distinct" ? "count" : f)));
    words.push(
      kinds.size > 1
        ? "summary"
        : (
            { sum: "totals", count: "counts", avg: "averages", min: "minimums", max: "maximums" } as Record<
              string,
              string
            >
          )[[...kinds][0]],
    );
  } else {
    if (parts.limit) words.push("top", String(parts.limit));
    words.push(pluralize.plural(singular(parts.base)));
  }
  return toSnakeIdentifier(words.join("_")) ?? "datamorph_result";
}

export function adverb(unit: TimeBucket): string {
  return ADVERB[unit];
}
