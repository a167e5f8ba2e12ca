import type { Limit } from "@/lib/spec/clauses";

/** How many rows a limit keeps, in words: "10 rows", "2 rows of each category". */
export function rowsKept(limit: Limit): string {
  const rows = `${limit.count.toLocaleString("en-US")} row${limit.count === 1 ? "" : "s"}`;
  return limit.per ? `${rows} of each ${limit.per.join(", ")}` : rows;
}
