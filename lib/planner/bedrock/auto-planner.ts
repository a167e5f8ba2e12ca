import { planWithRules } from "@/lib/planner/rules/plan-with-rules";
import type { PlannerInput } from "@/lib/planner/rules/types";
import { planWithBedrock, type BedrockOptions, type BedrockPlanResult } from "@/lib/planner/bedrock/plan-with-bedrock";
import type { SampleRows } from "@/lib/planner/bedrock/system-prompt";

/** A plan and the planner that made it. */
export type AutoPlanResult = BedrockPlanResult & { planner: "rules" | "bedrock" };

/**
 * The `auto` planner: the rules planner first, offline and free; the model only when the rules
 * planner could not read a phrase ("not_understood"). Every other rejection stands, so an
 * unsafe request, an unknown table or an ambiguous word never reaches the model.
 */
export async function planAuto({
  rules,
  bedrock,
}: {
  rules: PlannerInput;
  /** `loadSampleRows` is called only when the model is asked, so rules-planned runs never read them. */
  bedrock: BedrockOptions & { loadSampleRows?: () => Promise<SampleRows> };
}): Promise<AutoPlanResult> {
  const first = planWithRules(rules);
  if (first.ok || first.code !== "not_understood") return { ...first, planner: "rules" };
  const { loadSampleRows, ...model } = bedrock;
  const sampleRows = await loadSampleRows?.();
  const second = await planWithBedrock({ ...model, sampleRows, prompt: rules.prompt, catalog: rules.catalog, now: rules.now, sampleValues: rules.sampleValues });
  if (!second.ok) return { ...second, planner: "bedrock" };
  return { ...second, notes: [`the rules planner could not read it: ${first.message}`, ...second.notes], planner: "bedrock" };
}
