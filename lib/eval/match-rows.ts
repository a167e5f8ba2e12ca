import { orderCells, RELATIVE_TOLERANCE, sameCell, type Cell } from "./cells";

type Row = Cell[];

const sameRow = (a: Row, b: Row) => a.every((cell, i) => sameCell(cell, b[i]));

function orderRows(a: Row, b: Row): number {
  for (let i = 0; i < a.length; i++) {
    const order = orderCells(a[i], b[i]);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * What a row must equal exactly: its text and NULLs, and where its numbers are. Two rows with
 * different shapes can never match, so numbers only need matching within one shape.
 */
const shapeOf = (row: Row) => JSON.stringify(row.map((cell) => (typeof cell === "number" ? 0 : cell)));

function groupByShape(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const shape = shapeOf(row);
    const group = groups.get(shape);
    if (group) group.push(row);
    else groups.set(shape, [row]);
  }
  return groups;
}

/**
 * For each gold row, the built rows that equal it, found through the first number column (sorted,
 * searched within the tolerance) so that the pairs stay few even for thousands of rows.
 */
function candidatesOf(gold: Row[], built: Row[], column: number): number[][] {
  const byValue = built.map((_, b) => b).sort((x, y) => orderCells(built[x][column], built[y][column]));
  const value = (b: number) => built[b][column] as number;
  return gold.map((row) => {
    const a = row[column] as number;
    if (!Number.isFinite(a)) return byValue.filter((b) => sameRow(row, built[b]));
    // A little wider than the tolerance, so that the exact test below decides.
    const slack = 2 * RELATIVE_TOLERANCE * Math.max(1, Math.abs(a));
    let lo = 0;
    let hi = byValue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (value(byValue[mid]) < a - slack) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = lo; i < byValue.length && value(byValue[i]) <= a + slack; i++)
      if (sameRow(row, built[byValue[i]])) found.push(byValue[i]);
    return found;
  });
}

/**
 * Pairs every gold row with its own built row (Kuhn's augmenting paths). Needed only when noise
 * within tolerance orders the rows differently on the two sides, e.g. (1.0000001, 2) and
 * (1, 3) against (1, 2) and (1.0000001, 3), or when the tables differ.
 */
function hasPerfectMatching(gold: Row[], built: Row[], column: number): boolean {
  const candidates = candidatesOf(gold, built, column);
  if (candidates.some((list) => list.length === 0)) return false;
  const owner: (number | undefined)[] = new Array(built.length);
  const claim = (g: number, seen: Set<number>): boolean => {
    for (const b of candidates[g]) {
      if (seen.has(b)) continue;
      seen.add(b);
      if (owner[b] === undefined || claim(owner[b]!, seen)) {
        owner[b] = g;
        return true;
      }
    }
    return false;
  };
  return gold.every((_, g) => claim(g, new Set()));
}

/**
 * Whether two lists of rows (cells in the same column order) are equal as multisets under the
 * comparison's one equality (`sameCell`): duplicates count, order does not.
 */
export function sameRowMultiset(gold: Row[], built: Row[]): boolean {
  if (gold.length !== built.length) return false;
  const builtGroups = groupByShape(built);
  for (const [shape, goldRows] of groupByShape(gold)) {
    const builtRows = builtGroups.get(shape) ?? [];
    if (builtRows.length !== goldRows.length) return false;
    // Rows without numbers match exactly, and the shape is all of them.
    const column = goldRows[0].findIndex((cell) => typeof cell === "number");
    if (column === -1) continue;
    // Sorted pairing settles almost every case; the matching is the exact fallback.
    const sortedGold = [...goldRows].sort(orderRows);
    const sortedBuilt = [...builtRows].sort(orderRows);
    if (!sortedGold.every((row, i) => sameRow(row, sortedBuilt[i])) && !hasPerfectMatching(goldRows, builtRows, column))
      return false;
  }
  return true;
}
