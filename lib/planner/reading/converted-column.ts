import { quoteIdent } from "@/lib/codegen/sql-quote";
import { conversionOf, convertedSql } from "@/lib/semantic-model/unit-conversion";
import { fail } from "./build-sources";
import type { Meaning } from "./senses";

/**
 * A measure the request wants in another unit ("length in minutes", "total in dollars" of a
 * cents column): the SQL that reads the column in that unit, and the unit's words for the
 * output's name. Undefined when no unit is asked for; a reading whose column does not convert
 * to the unit asked for is impossible.
 */
export function convertedColumn(
  m: Meaning,
  ref: { source: string; column: string },
): { sql: string; suffix: string } | undefined {
  if (m.kind !== "measure" || !m.as) return undefined;
  const conversion =
    conversionOf(m.measure.unit, m.as.unit) ??
    fail(`${m.measure.column} is not kept in a unit that converts to ${m.as.phrase}`);
  return { sql: convertedSql(`${quoteIdent(ref.source)}.${quoteIdent(ref.column)}`, conversion), suffix: m.as.phrase };
}
