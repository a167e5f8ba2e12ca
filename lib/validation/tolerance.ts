import { expressionColumns, parseSafeExpression } from "@/lib/codegen/safe-expression";
import type { AggregateArg } from "@/lib/spec/output-column";
import type { TestContext } from "./generate-tests";

const FLOAT = /^(real|double precision|float)/;

/** Whether an aggregate reads a floating-point column, whose sums depend on the order of rows. */
export function readsFloat(arg: AggregateArg, ctx: TestContext): boolean {
  const { scope } = ctx.compiled;
  const columns =
    arg.kind === "column"
      ? [scope.column(arg.column).column]
      : arg.kind === "expression"
        ? expressionColumns(parseSafeExpression(arg.sql, scope)).map((c) => c.column)
        : [];
  return columns.some((c) => FLOAT.test(c.dataType));
}

/**
 * SQL that is true when a recomputed value is not the built one: exact for integers and numerics
 * (their arithmetic is exact, so any difference is real), a relative 1e-6 for floating point.
 */
export function differs(actual: string, expected: string, floating: boolean): string {
  return floating
    ? `abs(${actual}::numeric - ${expected}::numeric) > 0.000001 * greatest(1, abs(${expected}::numeric))`
    : `${actual}::numeric <> ${expected}::numeric`;
}
