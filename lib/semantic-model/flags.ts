import { typeFamily } from "./column-types";
import { uniquePhrases } from "./words/name-words";

// Prefixes of yes/no columns (`is_active`, `has_children`); the rest of the name is the flag.
const FLAG_PREFIXES = new Set(["is", "has", "can", "should", "was", "allow", "allows"]);
// Adjectives that, alone as a number column's name, name a yes/no state.
const FLAG_ADJECTIVES = new Set([
  "active",
  "inactive",
  "enabled",
  "disabled",
  "deleted",
  "archived",
  "visible",
  "hidden",
  "public",
  "private",
  "verified",
  "valid",
  "paid",
  "available",
  "locked",
  "blocked",
  "approved",
  "published",
  "featured",
  "deprecated",
  "current",
  "default",
]);
// Words of counts and amounts: a column named so is a number even when its data is all 0 and 1.
const COUNT_WORDS = new Set([
  "quantity",
  "count",
  "number",
  "amount",
  "total",
  "units",
  "sum",
  "size",
  "level",
  "score",
]);
// Text values that spell yes and no, as two-valued columns use them.
const YES_NO = [
  ["y", "n"],
  ["yes", "no"],
  ["true", "false"],
  ["t", "f"],
];

/** A yes/no column read as a named filter. */
export type FlagReading = { words: string[]; trueValue: boolean | number | string };

/** What setting the flag is called: the name without its `is`/`has` prefix. */
function flagWords(written: string[]): string[] {
  if (written.length > 1 && FLAG_PREFIXES.has(written[0])) {
    const rest = written.slice(1);
    return uniquePhrases([rest, written, written[0] === "has" ? ["with", ...rest] : undefined]);
  }
  return uniquePhrases([written]);
}

/** Whether the name alone says yes/no: a prefix, or one word like "discontinued" or "active". */
function nameSaysFlag(written: string[]): boolean {
  if (written.length > 1 && FLAG_PREFIXES.has(written[0])) return true;
  return (
    written.length === 1 && (FLAG_ADJECTIVES.has(written[0]) || (/ed$/.test(written[0]) && written[0].length >= 5))
  );
}

/**
 * Reads a column as a flag: booleans; numbers whose name says yes/no (`discontinued`,
 * `is_active`) unless the data holds more than 0 and 1, or whose data holds only 0 and 1
 * while the name says nothing else; text holding only Y/N-style values. `values` are the
 * column's distinct values when read, null when there were too many to list.
 */
export function flagOf(
  column: { dataType: string; written: string[]; expanded: string[] },
  values?: string[] | null,
): FlagReading | undefined {
  const family = typeFamily(column.dataType);
  if (family === "boolean") return { words: flagWords(column.written), trueValue: true };
  if (family === "integer" || family === "decimal") {
    const onlyZeroOne =
      Array.isArray(values) && values.length > 0 && values.every((v) => Number(v) === 0 || Number(v) === 1);
    const flag =
      values === undefined
        ? nameSaysFlag(column.written)
        : onlyZeroOne && (nameSaysFlag(column.written) || !column.expanded.some((w) => COUNT_WORDS.has(w)));
    return flag ? { words: flagWords(column.written), trueValue: 1 } : undefined;
  }
  if (family === "text" && values && values.length >= 1 && values.length <= 2) {
    const lower = values.map((v) => v.trim().toLowerCase());
    const pair = YES_NO.find((p) => lower.every((v) => p.includes(v)));
    const yes = pair && values.find((v) => v.trim().toLowerCase() === pair[0]);
    if (yes !== undefined) return { words: flagWords(column.written), trueValue: yes };
  }
  return undefined;
}
