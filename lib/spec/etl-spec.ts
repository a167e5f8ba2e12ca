import { z } from "zod";
import {
  FilterSchema,
  GrainKeySchema,
  HavingSchema,
  JoinSchema,
  LimitSchema,
  OrderBySchema,
  SourceSchema,
  TargetSchema,
} from "@/lib/spec/clauses";
import { OutputColumnSchema } from "@/lib/spec/output-column";
import { checkSpecReferences } from "@/lib/spec/check-references";

/**
 * The reviewable plan of one target table: where its rows come from, how they are joined,
 * filtered, grouped and ordered, and which columns it has. Every clause keeps the `phrase`
 * of the prompt it was read from. Plain JSON: it is stored, diffed and shown as is.
 */
export const EtlSpecSchema = z
  .object({
    version: z.literal(1),
    /** The request as the user typed it. */
    prompt: z.string().max(4000),
    target: TargetSchema,
    /** The first source is the FROM table; the others are brought in by `joins`, in order. */
    sources: z.array(SourceSchema).min(1).max(8),
    joins: z.array(JoinSchema).max(7),
    filters: z.array(FilterSchema).max(50),
    /** Group-by keys. Empty with aggregates = one summary row; empty without = row level. */
    grain: z.array(GrainKeySchema).max(10),
    columns: z.array(OutputColumnSchema).min(1).max(100),
    having: z.array(HavingSchema).max(20),
    orderBy: z.array(OrderBySchema).max(10),
    limit: LimitSchema.optional(),
    /**
     * Keep each output row once: set for row-level requests whose joins only filter
     * ("orders paid by credit card"), so an order with two such payments is listed once.
     */
    distinct: z.boolean().optional(),
    /**
     * An empty table is a right answer here, so the build does not fail on it. Without it, an
     * empty result of a filtered request fails its data tests: a filter that matches nothing is
     * far more often a misread request than the answer.
     */
    allowEmpty: z.boolean().optional(),
    /**
     * The date a relative period ("last month", "in the last 90 days") was read against, and
     * where it came from (the latest date in the data the request reads, or today).
     */
    asOf: z
      .object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        source: z.string().max(200),
        phrase: z.string().max(500),
      })
      .optional(),
  })
  .superRefine((spec, ctx) => {
    for (const issue of checkSpecReferences(spec))
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  });

export type EtlSpec = z.infer<typeof EtlSpecSchema>;
