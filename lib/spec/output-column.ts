import { z } from "zod";
import {
  ColumnFilterSchema,
  ColumnRefSchema,
  PhraseSchema,
  SnakeNameSchema,
  TimeBucketSchema,
} from "@/lib/spec/clauses";

/**
 * A free arithmetic expression over `alias.column` references, in Postgres syntax,
 * e.g. `order_items.quantity * order_items.unit_price`. Codegen parses it and allows only
 * arithmetic, casts and a short list of functions.
 */
export const ExpressionSqlSchema = z.string().min(1).max(1000);

export const AggregateFnSchema = z.enum(["sum", "count", "count_distinct", "avg", "min", "max"]);

/** What an aggregate reads: a column, every row (`count(*)`), or an expression. */
export const AggregateArgSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("column"), column: ColumnRefSchema }),
  z.object({ kind: z.literal("star") }),
  z.object({ kind: z.literal("expression"), sql: ExpressionSqlSchema }),
]);

export const OutputExprSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("column"), column: ColumnRefSchema, bucket: TimeBucketSchema.optional() }),
  z.object({
    kind: z.literal("aggregate"),
    fn: AggregateFnSchema,
    arg: AggregateArgSchema,
    /** Report 0 rather than NULL for groups with no rows to add up (left joins). */
    zeroIfEmpty: z.boolean().optional(),
    /**
     * Only the rows meeting every condition are aggregated ("revenue from shipped orders per
     * month"); unlike a filter, the groups without such rows stay in the table.
     */
    where: z.array(ColumnFilterSchema).min(1).max(10).optional(),
  }),
  z.object({ kind: z.literal("expression"), sql: ExpressionSqlSchema }),
  /**
   * Each row's share of the table's total of the aggregate output `of` ("share of revenue by
   * country"): of / the sum of `of` over every row, times 100 when `percent`.
   */
  z.object({ kind: z.literal("share"), of: SnakeNameSchema, percent: z.boolean() }),
  /**
   * One aggregate output over another, row by row ("average revenue per customer", "% of orders
   * cancelled"): numerator / denominator (NULL for a zero denominator), times 100 when `percent`.
   */
  z.object({
    kind: z.literal("ratio"),
    numerator: SnakeNameSchema,
    denominator: SnakeNameSchema,
    percent: z.boolean(),
  }),
]);

/** Outputs computed from aggregate outputs, after grouping: neither group keys nor aggregates of rows. */
export const isDerivedOutput = (expr: OutputExpr): expr is Extract<OutputExpr, { kind: "share" | "ratio" }> =>
  expr.kind === "share" || expr.kind === "ratio";
/** The aggregate outputs a derived output is computed from. */
export const derivedInputs = (expr: Extract<OutputExpr, { kind: "share" | "ratio" }>): string[] =>
  expr.kind === "share" ? [expr.of] : [expr.numerator, expr.denominator];

/** One column of the target table, in target order. */
export const OutputColumnSchema = z.object({
  name: SnakeNameSchema,
  expr: OutputExprSchema,
  phrase: PhraseSchema,
  /** The words that chose `name` ("as lifetime_value"), when the prompt named it. */
  renamePhrase: PhraseSchema.optional(),
});

export type AggregateFn = z.infer<typeof AggregateFnSchema>;
export type AggregateArg = z.infer<typeof AggregateArgSchema>;
export type OutputExpr = z.infer<typeof OutputExprSchema>;
export type OutputColumn = z.infer<typeof OutputColumnSchema>;
