import type { Catalog } from "@/lib/catalog/types";
import { reject } from "@/lib/planner/types";

export const MAX_PROMPT_LENGTH = 2000;

// Statements that change or remove data; DataMorph only ever builds new tables from a SELECT.
const DESTRUCTIVE =
  /\b(drop|delete|truncate|update|insert|alter|grant|revoke|vacuum|upsert|overwrite|erase|wipe|purge|destroy)\b|\bremove\s+(all|every|the)\b/i;
const SQL_SHAPES: [RegExp, string][] = [
  [/;/, "a statement separator (;)"],
  [/--/, "an SQL comment (--)"],
  [/\/\*|\*\//, "an SQL comment (/* */)"],
  [/\bunion\s+(all\s+)?select\b/i, "UNION SELECT"],
  [
    /\b(pg_sleep|pg_read_file|pg_ls_dir|lo_import|lo_export|dblink|copy\s+\w+\s+(from|to)\s+program)\b/i,
    "a server function",
  ],
  [/\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|[0-7]{3})/i, "an escape sequence"],
  [/\$\$|\$[a-z_]*\$/i, "dollar quoting"],
];

/**
 * Refuses requests to change data and text shaped like SQL injection. The generated SQL is
 * safe either way (everything is quoted and checked); refusing says so plainly instead of
 * quietly building something else.
 */
/**
 * The gate every planner passes first: refuses (throws `PlanRejected`) an empty, oversized or
 * unsafe request, or an empty warehouse. Returns the request with its whitespace collapsed.
 */
export function checkRequest(prompt: string, catalog: Catalog): string {
  const text = prompt.replace(/\s+/g, " ").trim();
  if (text.length === 0)
    reject("empty", 'the request is empty; describe the table you want, e.g. "total order amount per customer"');
  if (text.length > MAX_PROMPT_LENGTH)
    reject("not_understood", `the request is ${text.length} characters long; keep it under ${MAX_PROMPT_LENGTH}`);
  if (catalog.tables.length === 0)
    reject("unknown_table", "the warehouse has no readable tables yet; load or import data first");
  checkSafety(text);
  return text;
}

export function checkSafety(prompt: string): void {
  const destructive = DESTRUCTIVE.exec(prompt);
  if (destructive) {
    reject(
      "unsafe",
      `"${destructive[0]}" asks to change or remove data; DataMorph only builds new tables from existing data and never modifies sources`,
      {
        phrase: destructive[0],
      },
    );
  }
  for (const [re, what] of SQL_SHAPES) {
    const m = re.exec(prompt);
    if (m)
      reject("unsafe", `the request contains ${what} ("${m[0]}"); describe the table in words instead of SQL`, {
        phrase: m[0],
      });
  }
  // Apostrophes inside words ("customer's", "don't") are English; every other quote must pair up.
  const rest = maskApostrophes(prompt)
    .replace(/'(?:[^']|'')*'/g, "")
    .replace(/s'(?=\s|$)/g, "s");
  if (rest.includes("'"))
    reject(
      "unsafe",
      "the request has an unbalanced quote ('); quote each value on both sides, e.g. status in ('shipped', 'completed')",
      { phrase: "'" },
    );
}

/** Replaces apostrophes between letters with a typographic one, keeping every offset. */
export function maskApostrophes(text: string): string {
  return text.replace(/([A-Za-z])'(?=[A-Za-z])/g, "$1\u2019");
}
