import type { FilterIntent } from "@/lib/planner/rules/intent";
import type { TokenStream } from "@/lib/planner/rules/token-stream";
import { reject } from "@/lib/planner/rules/types";

const INTEGER = /^(smallint|integer|bigint)/;
// A column named like a state the row is in: discontinued, active, is_paid, has_stock.
const FLAG_NAME = /^(is|has|was)_|^[a-z]+(ed|ive)$/;

/**
 * "discontinued products": a yes/no column named as an adjective of its own table picks rows,
 * it is not a column to show. A boolean reads as `= true`; an integer flag may be 0/1 or any
 * code, so it is refused with the wording that says which value is meant.
 */
export function parseFlagAdjectives(s: TokenStream, add: (filter: FilterIntent) => void): void {
  for (let i = 0; i + 1 < s.length; i++) {
    const pick = s.column(i);
    const table = s.table(i + 1);
    if (!pick || !table) continue;
    const own = pick.candidates.filter((c) => c.table === table && c.columns.length === 1);
    if (own.length !== 1) continue;
    const column = table.columns.find((c) => c.name === own[0].columns[0]);
    if (!column) continue;
    const phrase = s.text(i, i + 2);
    if (column.dataType === "boolean") {
      add({ kind: "compare", pick: { ...pick, candidates: own }, op: "=", value: true, phrase });
      s.take(i, i + 1);
    } else if (INTEGER.test(column.dataType) && FLAG_NAME.test(column.name)) {
      reject(
        "ambiguous",
        `"${phrase}": ${table.name}.${column.name} is a number, not a yes/no column; say which value is meant, e.g. "${table.name} where ${column.name} is 1"`,
        {
          phrase,
          candidates: [`${table.name}.${column.name}`],
        },
      );
    }
  }
}
