import type { Join } from "@/lib/spec/clauses";
import type { TestContext } from "./generate-tests";

type Step = { join: Join; from: string; to: string; toColumns: string[]; fromColumns: string[] };

/** Whether every join step reachable from `aliases` passes `holds` (the join tree is walked once). */
function everyStep(aliases: string[], ctx: TestContext, holds: (step: Step) => boolean): boolean {
  const seen = new Set(aliases);
  const stack = [...aliases];
  while (stack.length > 0) {
    const from = stack.pop()!;
    for (const join of ctx.spec.joins) {
      const to = join.left === from ? join.right : join.right === from ? join.left : null;
      if (!to || seen.has(to)) continue;
      const toColumns = join.on.map((k) => (to === join.right ? k.right : k.left));
      const fromColumns = join.on.map((k) => (to === join.right ? k.left : k.right));
      if (!holds({ join, from, to, toColumns, fromColumns })) return false;
      seen.add(to);
      stack.push(to);
    }
  }
  return true;
}

/** The step lands on the far table's whole declared primary key: at most one match per row. */
function toOne({ to, toColumns }: Step, ctx: TestContext): boolean {
  const key = ctx.compiled.scope.table(to).primaryKey;
  return key.length > 0 && toColumns.join() === key.join();
}

/** Every row keeps a match: the far side is optional, or a NOT NULL foreign key points at it. */
function keepsEveryRow(step: Step, ctx: TestContext): boolean {
  if (step.join.type === "left" && step.join.right === step.to) return true;
  const from = ctx.compiled.scope.table(step.from);
  const to = ctx.compiled.scope.table(step.to);
  const notNull = step.fromColumns.every((c) => from.columns.find((col) => col.name === c)?.nullable === false);
  return (
    notNull &&
    from.foreignKeys.some(
      (fk) =>
        fk.refSchema === to.schema &&
        fk.refTable === to.name &&
        fk.columns.join() === step.fromColumns.join() &&
        fk.refColumns.join() === step.toColumns.join(),
    )
  );
}

/**
 * Declared primary keys prove the joins cannot repeat a row of these sources: each meets at most
 * one row of every other table (the database enforces those keys).
 */
export function keysPreventFanOut(aliases: string[], ctx: TestContext): boolean {
  return everyStep(aliases, ctx, (step) => toOne(step, ctx));
}

/**
 * Declared keys prove the joins neither repeat nor drop a row of these sources: every step is
 * to-one and keeps every row. The joined rows are then exactly the sources' own rows.
 */
export function joinsAreLossless(aliases: string[], ctx: TestContext): boolean {
  return everyStep(aliases, ctx, (step) => toOne(step, ctx) && keepsEveryRow(step, ctx));
}
