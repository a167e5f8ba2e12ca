import { planWithRules } from "@/lib/planner/rules/plan-with-rules";
import type { PlannerInput } from "@/lib/planner/rules/types";
import type { SemanticModel } from "@/lib/semantic-model/model-schema";
import { planWithBedrock, type BedrockOptions, type BedrockPlanResult } from "@/lib/planner/bedrock/plan-with-bedrock";
import type { SampleRows } from "@/lib/catalog/sample-rows";

/** A plan and the planner that made it. */
export type AutoPlanResult = BedrockPlanResult & { planner: "rules" | "bedrock" };

/**
 * Below this the rules planner filled something in that the request did not say plainly (a
 * misspelt column read as the nearest one): a second reading is worth asking for. A default
 * date column or an implied total (0.8) is a reading any engineer would make.
 */
export const AUTO_CONFIDENCE = 0.75;

/**
 * The `auto` planner: the rules planner first, offline and free; the model when the rules
 * planner could not read a phrase ("not_understood") or read it only with low confidence. Every
 * other rejection stands, so an unsafe request, an unknown table or an ambiguous word never
 * reaches the model. When the model is asked about a low-confidence plan, its answer decides:
 * a plan the model would not make is not built on the rules planner's guess.
 */
export async function planAuto({
  rules,
  bedrock,
}: {
  rules: PlannerInput;
  /** The loaders are called only when the model is asked, so rules-planned runs never read sample rows or the semantic model. */
  bedrock: BedrockOptions & {
    loadSampleRows?: () => Promise<SampleRows>;
    loadSemanticModel?: () => Promise<SemanticModel>;
  };
}): Promise<AutoPlanResult> {
  const first = planWithRules(rules);
  if (first.ok ? first.confidence >= AUTO_CONFIDENCE : first.code !== "not_understood")
    return { ...first, planner: "rules" };
  const { loadSampleRows, loadSemanticModel, ...model } = bedrock;
  const [sampleRows, semanticModel] = await Promise.all([loadSampleRows?.(), loadSemanticModel?.()]);
  const second = await planWithBedrock({
    ...model,
    sampleRows,
    semanticModel,
    prompt: rules.prompt,
    catalog: rules.catalog,
    now: rules.now,
    sampleValues: rules.sampleValues,
  });
  const why = first.ok
    ? `the rules planner was unsure (${first.notes.join("; ")})`
    : `the rules planner could not read it: ${first.message}`;
  if (!second.ok)
    return { ...second, message: first.ok ? `${second.message} (${why})` : second.message, planner: "bedrock" };
  return { ...second, notes: [why, ...second.notes], planner: "bedrock" };
}
