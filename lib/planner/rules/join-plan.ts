import type { CatalogTable } from "@/lib/catalog/types";
import type { JoinIntent } from "@/lib/planner/rules/intent";
import { shortestPaths, type JoinGraph } from "@/lib/planner/rules/join-graph";
import { reject } from "@/lib/planner/rules/types";

export type PlannedJoin = {
  left: CatalogTable;
  right: CatalogTable;
  on: { left: string; right: string }[];
  left_outer: boolean;
  phrase: string;
};

const MAX_TABLES = 6;

/**
 * Orders the tables from `base` and links each new one to those already joined: by the
 * prompt's own keys when it gave them, else by the single shortest foreign-key path, else by
 * a shared key name. Two equally short paths are a rejection, not a coin toss.
 */
export function planJoins(opts: {
  base: CatalogTable;
  required: CatalogTable[];
  hints: JoinIntent[];
  graph: JoinGraph;
  outer: boolean;
}): { tables: CatalogTable[]; joins: PlannedJoin[] } {
  const tree = [opts.base];
  const joins: PlannedJoin[] = [];
  const add = (left: CatalogTable, right: CatalogTable, on: PlannedJoin["on"], phrase: string, hinted?: boolean) => {
    tree.push(right);
    joins.push({ left, right, on, left_outer: opts.outer || Boolean(hinted), phrase });
  };
  for (const target of opts.required) {
    if (tree.includes(target)) continue;
    const hinted = explicitJoin(opts.hints, tree, target);
    if (hinted) {
      add(hinted.left, target, hinted.on, hinted.phrase, hinted.outer);
      continue;
    }
    const paths = shortestPaths(opts.graph, tree, target);
    if (paths.length > 1) {
      const described = paths.map((p) =>
        p.map((e) => `${e.from.name}.${e.fromColumns.join(",")} -> ${e.to.name}`).join(", "),
      );
      reject(
        "ambiguous",
        `${target.name} can be joined in ${paths.length} equally short ways (${described.join(" | ")}); say which key to join on`,
        {
          phrase: target.name,
          candidates: described,
        },
      );
    }
    if (paths.length === 1) {
      for (const edge of paths[0]) {
        const fromInTree = tree.includes(edge.from);
        const [left, right] = fromInTree ? [edge.from, edge.to] : [edge.to, edge.from];
        const on = edge.fromColumns.map((c, k) =>
          fromInTree ? { left: c, right: edge.toColumns[k] } : { left: edge.toColumns[k], right: c },
        );
        add(left, right, on, "");
      }
      continue;
    }
    const shared = sharedKey(tree, target);
    if (!shared) {
      reject(
        "not_understood",
        `no foreign key or shared key links ${target.name} to ${tree.map((t) => t.name).join(", ")}; say how to join, e.g. "join ${tree[0].name} and ${target.name} on <column>"`,
        {
          phrase: target.name,
        },
      );
    }
    add(shared.left, target, [{ left: shared.column, right: shared.column }], "");
  }
  if (tree.length > MAX_TABLES)
    reject(
      "not_understood",
      `the request needs ${tree.length} tables (${tree.map((t) => t.name).join(", ")}); at most ${MAX_TABLES} are supported`,
    );
  return { tables: tree, joins };
}

function explicitJoin(hints: JoinIntent[], tree: CatalogTable[], target: CatalogTable) {
  for (const hint of hints) {
    for (const pair of hint.on ?? []) {
      if (pair.right.table === target && tree.includes(pair.left.table))
        return {
          left: pair.left.table,
          on: [{ left: pair.left.column, right: pair.right.column }],
          phrase: hint.phrase,
          outer: hint.left,
        };
      if (pair.left.table === target && tree.includes(pair.right.table))
        return {
          left: pair.right.table,
          on: [{ left: pair.right.column, right: pair.left.column }],
          phrase: hint.phrase,
          outer: hint.left,
        };
    }
    if (!hint.onColumn || !hint.tables.includes(target)) continue;
    const partner = hint.tables.find((t) => t !== target && tree.includes(t));
    if (!partner) continue;
    const column = hint.onColumn.candidates[0].columns[0];
    for (const t of [partner, target])
      if (!t.columns.some((c) => c.name === column))
        reject("unknown_column", `"${hint.phrase}": ${t.name} has no column ${column}`, {
          phrase: hint.onColumn.phrase,
          candidates: t.columns.map((c) => `${t.name}.${c.name}`),
        });
    return { left: partner, on: [{ left: column, right: column }], phrase: hint.phrase, outer: hint.left };
  }
  return null;
}

function sharedKey(tree: CatalogTable[], target: CatalogTable): { left: CatalogTable; column: string } | null {
  const found: { left: CatalogTable; column: string }[] = [];
  for (const t of tree) {
    for (const c of target.columns) {
      const isKey =
        (t.primaryKey.length === 1 && t.primaryKey[0] === c.name) ||
        (target.primaryKey.length === 1 && target.primaryKey[0] === c.name);
      if (isKey && t.columns.some((x) => x.name === c.name)) found.push({ left: t, column: c.name });
    }
  }
  return found.length === 1 ? found[0] : null;
}

/** One step of a walk over the planned joins: the table reached and the columns it is joined on. */
export type JoinStep = { far: CatalogTable; farColumns: string[] };

/**
 * Walks the planned join tree away from `from`, yielding every step it considers; it goes on
 * past a step only when `follow` accepts it, and never visits a table twice.
 */
export function* walkJoins(
  from: CatalogTable,
  joins: PlannedJoin[],
  follow: (step: JoinStep) => boolean,
): Generator<JoinStep> {
  const seen = new Set<CatalogTable>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const j of joins) {
      const far = j.left === at ? j.right : j.right === at ? j.left : null;
      if (!far || seen.has(far)) continue;
      const step = { far, farColumns: j.on.map((o) => (far === j.right ? o.right : o.left)) };
      yield step;
      if (!follow(step)) continue;
      seen.add(far);
      stack.push(far);
    }
  }
}

/** True when the step lands on the far table's primary key: one row there per row here. */
export const landsOnKey = ({ far, farColumns }: JoinStep) => farColumns.join() === far.primaryKey.join();
