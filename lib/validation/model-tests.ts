import { z } from "zod";
import { quoteNumber, quoteString } from "@/lib/codegen/sql-quote";
import { quoteIdent } from "@/lib/db/ident";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { DataTest } from "./types";

/**
 * A check the model may suggest on one output column. It is a choice from a closed list, not
 * SQL: DataMorph writes the query, so a suggestion can be wrong but never unsafe.
 */
export const ModelCheckSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, "a snake_case name of up to 41 characters"),
    description: z.string().trim().min(1).max(300),
    column: z.string().min(1).max(63),
    check: z.enum(["not_null", "unique", "non_negative", "between", "accepted_values"]),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    values: z.array(z.string().max(200)).min(1).max(50).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.check === "between" && c.min === undefined && c.max === undefined)
      ctx.addIssue({ code: "custom", message: "between needs min, max or both" });
    if (c.check === "accepted_values" && !c.values)
      ctx.addIssue({ code: "custom", message: "accepted_values needs values" });
  });

export const ModelChecksSchema = z.object({ tests: z.array(ModelCheckSchema).max(8) });

export type ModelCheck = z.infer<typeof ModelCheckSchema>;

/** Holds suggested checks to the spec: each names an output column, and names are unique. */
export function checkModelChecks(
  input: unknown,
  spec: EtlSpec,
): { ok: true; value: ModelCheck[] } | { ok: false; errors: string[] } {
  const parsed = ModelChecksSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).slice(0, 20) };
  const outputs = new Set(spec.columns.map((c) => c.name));
  const errors = parsed.data.tests.flatMap((t, i) =>
    outputs.has(t.column)
      ? []
      : [`tests.${i}.column: ${t.column} is not an output column (${[...outputs].join(", ")})`],
  );
  const names = parsed.data.tests.map((t) => t.name);
  if (new Set(names).size !== names.length) errors.push("test names must be unique");
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data.tests };
}

/**
 * The suggested checks as data tests of `target`. They warn and never block: a model's guess
 * about the data (a range, a list of values) is a hint for the reviewer, not a rule of the spec.
 */
export function compileModelChecks(checks: ModelCheck[], spec: EtlSpec, target: string): DataTest[] {
  return checks.map((c) => {
    const col = quoteIdent(c.column);
    const where = {
      not_null: `${col} IS NULL`,
      unique: "",
      non_negative: `${col} < 0`,
      between: [
        c.min !== undefined && `${col} < ${quoteNumber(c.min)}`,
        c.max !== undefined && `${col} > ${quoteNumber(c.max)}`,
      ]
        .filter(Boolean)
        .join(" OR "),
      accepted_values: `${col} IS NOT NULL AND ${col}::text NOT IN (${(c.values ?? []).map(quoteString).join(", ")})`,
    }[c.check];
    return {
      name: `model_${c.name}`,
      kind: "model_check",
      clause: `columns.${c.column}`,
      phrase: spec.columns.find((o) => o.name === c.column)?.phrase ?? "",
      description: `Suggested by the model: ${c.description}`,
      blocking: false,
      failingSql:
        c.check === "unique"
          ? `SELECT ${col}, count(*) AS copies FROM ${target} WHERE ${col} IS NOT NULL GROUP BY ${col} HAVING count(*) > 1`
          : `SELECT * FROM ${target} WHERE ${where}`,
    };
  });
}
