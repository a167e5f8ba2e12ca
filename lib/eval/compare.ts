import { orderCells, sameCell, toCell, type Cell } from "./cells";
import { sameRowMultiset } from "./match-rows";

/** Rows as they come from Postgres: column name → value. */
export type Rows = Record<string, unknown>[];

export type Comparison = { same: true } | { same: false; reason: string };

const sortedColumn = (rows: Cell[][], i: number) => rows.map((row) => row[i]).sort(orderCells);

/**
 * Whether the built table answers the gold query: the same number of rows, and every gold column
 * matched by a distinct built column so that the rows agree as a multiset. Column names and order
 * do not matter and extra built columns are allowed. Values are equal by one rule throughout
 * (`sameCell`: numbers within a relative 1e-6, dates and their midnight timestamps alike, NULL
 * only to NULL), for the columns and for the rows.
 */
export function compareResults(gold: Rows, built: Rows): Comparison {
  if (gold.length !== built.length) return { same: false, reason: `${built.length} rows, expected ${gold.length}` };
  if (gold.length === 0) return { same: true };
  const goldColumns = Object.keys(gold[0]);
  const builtColumns = Object.keys(built[0]);
  const goldCells = gold.map((row) => goldColumns.map((c) => toCell(row[c])));
  const builtCells = built.map((row) => builtColumns.map((c) => toCell(row[c])));

  // A built column can stand for a gold column only if it holds the same values (sorted pairing
  // is exact for a single column).
  const goldSorted = goldColumns.map((_, g) => sortedColumn(goldCells, g));
  const builtSorted = builtColumns.map((_, b) => sortedColumn(builtCells, b));
  const candidates = goldSorted.map((values) =>
    builtSorted.flatMap((other, b) => (values.every((v, k) => sameCell(v, other[k])) ? [b] : [])),
  );
  const missing = goldColumns.filter((_, g) => candidates[g].length === 0);
  if (missing.length > 0)
    return { same: false, reason: `no column holds the expected values of ${missing.join(", ")}` };

  // Try each assignment of distinct built columns to gold columns (there is almost always one).
  const assign = (g: number, used: number[]): boolean => {
    if (g === goldColumns.length)
      return sameRowMultiset(
        goldCells,
        builtCells.map((row) => used.map((b) => row[b])),
      );
    return candidates[g].some((b) => !used.includes(b) && assign(g + 1, [...used, b]));
  };
  return assign(0, [])
    ? { same: true }
    : { same: false, reason: "the columns hold the expected values, but not in the same rows" };
}
