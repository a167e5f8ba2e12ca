import type { Catalog } from "@/lib/catalog/types";
import { planWithRules, type PlanResult } from "@/lib/planner/rules";
import { SnakeNameSchema } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";

export type PlannerInput = {
  prompt: string;
  catalog: Catalog;
  sampleValues?: Record<string, string[]>;
  /** Tables DataMorph published ("schema.table"); they rank below base tables unless named. */
  derivedTables?: string[];
  targetSchema: string;
  /** The user's choice of target name, which wins over the planner's. */
  targetTable?: string;
  now?: Date;
};

/** Prompt → spec with the rules planner; the target lands in the configured target schema. */
export function planSpec(input: PlannerInput): PlanResult {
  if (input.targetTable !== undefined && !SnakeNameSchema.safeParse(input.targetTable).success) {
    return { ok: false, code: "not_understood", message: `"${input.targetTable}" is not a valid target table name: use lowercase letters, digits and underscores.`, phrase: input.targetTable };
  }
  const { prompt, catalog, sampleValues, derivedTables, now } = input;
  const result = planWithRules({ prompt, catalog, sampleValues, derivedTables, now });
  if (!result.ok) return result;
  const target: EtlSpec["target"] = {
    ...result.spec.target,
    schema: input.targetSchema,
    ...(input.targetTable ? { table: input.targetTable, phrase: "--target" } : {}),
  };
  return { ...result, spec: { ...result.spec, target } };
}
