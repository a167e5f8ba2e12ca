import { z } from "zod";
import { isSnakeIdentifier } from "@/lib/spec/identifier";

/** Words of the prompt a clause was read from; empty when the clause was implied. */
export const PhraseSchema = z.string().max(500);

/** A catalog name (table, column, schema). Checked against the live catalog by codegen. */
export const NameSchema = z.string().min(1).max(63);

/** A name DataMorph creates itself (target table, output column): plain snake_case. */
export const SnakeNameSchema = z
  .string()
  .refine(isSnakeIdentifier, "must be a lowercase snake_case identifier of at most 63 characters");

/** A column of one of the spec's sources, by source alias. */
export const ColumnRefSchema = z.object({ source: NameSchema, column: NameSchema });

export const SourceSchema = z.object({
  schema: NameSchema,
  table: NameSchema,
  alias: NameSchema,
  phrase: PhraseSchema,
  /** Read the table's distinct rows: set by the remediator when exact duplicates fan out a join. */
  distinct: z.boolean().optional(),
});

export const JoinSchema = z.object({
  type: z.enum(["inner", "left"]),
  /** Alias of a source already in the FROM list. */
  left: NameSchema,
  /** Alias of the source this join brings in. */
  right: NameSchema,
  on: z.array(z.object({ left: NameSchema, right: NameSchema })).min(1),
  phrase: PhraseSchema,
});

/** A constant in a filter. Strings compare against text, date and timestamp columns. */
export const LiteralSchema = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be an ISO date YYYY-MM-DD");

export const ComparisonOpSchema = z.enum(["=", "!=", "<", "<=", ">", ">="]);

export const TextMatchOpSchema = z.enum(["starts_with", "ends_with", "contains"]);
export type TextMatchOp = z.infer<typeof TextMatchOpSchema>;

const columnFilters = [
  z.object({ op: ComparisonOpSchema, column: ColumnRefSchema, value: LiteralSchema, phrase: PhraseSchema }),
  z.object({
    op: z.literal("between"),
    column: ColumnRefSchema,
    low: LiteralSchema,
    high: LiteralSchema,
    phrase: PhraseSchema,
  }),
  z.object({
    op: z.enum(["in", "not_in"]),
    column: ColumnRefSchema,
    values: z.array(LiteralSchema).min(1).max(200),
    phrase: PhraseSchema,
  }),
  z.object({ op: z.enum(["is_null", "is_not_null"]), column: ColumnRefSchema, phrase: PhraseSchema }),
  /** Text that starts with, ends with or contains `text`, matched without regard to case. */
  z.object({
    op: TextMatchOpSchema,
    column: ColumnRefSchema,
    text: z.string().min(1).max(200),
    phrase: PhraseSchema,
  }),
  z.object({
    op: z.literal("date_range"),
    column: ColumnRefSchema,
    /** Inclusive lower bound. */
    from: IsoDateSchema.optional(),
    /** Exclusive upper bound, so "in 2019" is [2019-01-01, 2020-01-01). */
    to: IsoDateSchema.optional(),
    phrase: PhraseSchema,
  }),
] as const;

/** A condition on one column of a source. */
export const ColumnFilterSchema = z.discriminatedUnion("op", [...columnFilters]);

/**
 * One step of an existence path: the related table it reaches and the key pairs that join it,
 * `left` on the step before (the filtered source, for the first step) and `right` on this one.
 * Codegen checks every step against a foreign key the catalog declares.
 */
export const PathStepSchema = z.object({
  schema: NameSchema,
  table: NameSchema,
  /** Its own alias, distinct from the spec's sources: the step lives only inside the check. */
  alias: NameSchema,
  on: z.array(z.object({ left: NameSchema, right: NameSchema })).min(1),
});

/** A table a condition of an existence check reads, joined to a path step (or an earlier lookup) named by `from`. */
export const LookupStepSchema = PathStepSchema.extend({ from: NameSchema });

/**
 * Keeps the rows of `source` that have related rows at the end of `path` (`exists`, a
 * semi-join), or that have none (`not_exists`, an anti-join): "customers who never placed an
 * order". Each path step joins the step before; the last is the related rows. `where` narrows
 * them, over the path and the `lookups` it needs ("a jazz track": the track's genre).
 * `minCount` counts the distinct related rows: `exists` keeps at least that many, `not_exists`
 * fewer ("who placed at least 3 orders").
 */
export const ExistsFilterSchema = z.object({
  op: z.enum(["exists", "not_exists"]),
  source: NameSchema,
  path: z.array(PathStepSchema).min(1).max(6),
  lookups: z.array(LookupStepSchema).max(6).optional(),
  where: z.array(ColumnFilterSchema).max(20).optional(),
  minCount: z.number().int().min(1).max(1_000_000).optional(),
  phrase: PhraseSchema,
});

/**
 * A value computed from each row, compared with a number: "order lines where quantity times unit
 * price is more than 100", "orders that took more than 7 days to ship". `sql` is arithmetic over
 * `alias.column` references, checked by codegen like an output expression; `source` is the alias
 * whose rows it keeps.
 */
export const ExpressionFilterSchema = z.object({
  op: z.literal("expression"),
  source: NameSchema,
  sql: z.string().min(1).max(1000),
  compare: ComparisonOpSchema,
  value: z.number().finite(),
  phrase: PhraseSchema,
});

export const FilterSchema = z.discriminatedUnion("op", [...columnFilters, ExistsFilterSchema, ExpressionFilterSchema]);

export const TimeBucketSchema = z.enum(["day", "week", "month", "quarter", "year"]);

/** One group-by key: a column, optionally truncated to a time bucket with date_trunc. */
export const GrainKeySchema = z.object({
  column: ColumnRefSchema,
  bucket: TimeBucketSchema.optional(),
  phrase: PhraseSchema,
});

/** A filter on an aggregated output column (SQL HAVING), e.g. "more than 5 orders". */
export const HavingSchema = z.object({
  output: SnakeNameSchema,
  op: ComparisonOpSchema,
  value: z.number().finite(),
  phrase: PhraseSchema,
});

export const OrderBySchema = z.object({
  /** Name of an output column. */
  output: SnakeNameSchema,
  direction: z.enum(["asc", "desc"]),
  phrase: PhraseSchema,
});

export const LimitSchema = z.object({
  count: z.number().int().min(1).max(1_000_000),
  /** Output columns whose every group keeps its own first `count` rows ("the 2 dearest products per category"). */
  per: z.array(SnakeNameSchema).min(1).max(4).optional(),
  phrase: PhraseSchema,
});

export const TargetSchema = z.object({
  schema: SnakeNameSchema.optional(),
  table: SnakeNameSchema,
  phrase: PhraseSchema,
});

export type ColumnRef = z.infer<typeof ColumnRefSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Join = z.infer<typeof JoinSchema>;
export type Literal = z.infer<typeof LiteralSchema>;
export type ComparisonOp = z.infer<typeof ComparisonOpSchema>;
export type Filter = z.infer<typeof FilterSchema>;
export type ColumnFilter = z.infer<typeof ColumnFilterSchema>;
export type ExistsFilter = z.infer<typeof ExistsFilterSchema>;
export type ExpressionFilter = z.infer<typeof ExpressionFilterSchema>;
export type PathStep = z.infer<typeof PathStepSchema>;
export type LookupStep = z.infer<typeof LookupStepSchema>;

/** Whether a filter tests related rows rather than a column of its source. */
export const isExistsFilter = (filter: Filter): filter is ExistsFilter =>
  filter.op === "exists" || filter.op === "not_exists";

/** The alias of the source a filter keeps or drops rows of. */
export const filterSource = (filter: Filter): string =>
  isExistsFilter(filter) || filter.op === "expression" ? filter.source : filter.column.source;
export type TimeBucket = z.infer<typeof TimeBucketSchema>;
export type GrainKey = z.infer<typeof GrainKeySchema>;
export type Having = z.infer<typeof HavingSchema>;
export type OrderBy = z.infer<typeof OrderBySchema>;
export type Limit = z.infer<typeof LimitSchema>;
export type Target = z.infer<typeof TargetSchema>;
