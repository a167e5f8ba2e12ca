import { planWithEnglish, type ReadingPlannerInput } from "@/lib/planner/reading";
import type { SemanticModel } from "@/lib/semantic-model/model-schema";
import {
  planWithBedrock,
  type BedrockOptions,
  type BedrockPlanResult,
  type ConfirmedByPeople,
} from "@/lib/planner/bedrock/plan-with-bedrock";
import type { SampleRows } from "@/lib/catalog/sample-rows";

/** A plan and the planner that made it. */
export type AutoPlanResult = BedrockPlanResult & { planner: "reading" | "bedrock" };

/**
 * Below this the reading planner read a misspelling as the nearest name, or its best reading won
 * by less than a full point over one that builds another table: a second opinion is worth asking for.
 */
export const AUTO_CONFIDENCE = 0.75;

/**
 * The `auto` planner: the reading planner first, offline and free; the model when the reading
 * planner could not read a phrase ("not_understood") and has no question a person could answer,
 * or read it only with low confidence. Every other rejection stands, so an unsafe request, an
 * unknown table or a question for a person never reaches the model. When the model is asked about
 * a low-confidence plan, its answer decides: a plan the model would not make is not built on a guess.
 */
export async function planAuto({
  reading,
  bedrock,
  confirmed = {},
}: {
  reading: ReadingPlannerInput;
  /** The loaders are called only when the model is asked, so runs the reading planner settles never read sample rows. */
  bedrock: BedrockOptions & {
    loadSampleRows?: () => Promise<SampleRows>;
    loadSemanticModel?: () => Promise<SemanticModel>;
  };
  /** What people confirmed in this warehouse, shown to the model. */
  confirmed?: ConfirmedByPeople;
}): Promise<AutoPlanResult> {
  const first = planWithEnglish(reading);
  if (first.ok ? first.confidence >= AUTO_CONFIDENCE : first.code !== "not_understood" || first.questions?.length)
    return { ...first, planner: "reading" };
  const { loadSampleRows, loadSemanticModel, ...model } = bedrock;
  const [sampleRows, semanticModel] = await Promise.all([loadSampleRows?.(), loadSemanticModel?.()]);
  const second = await planWithBedrock({
    ...model,
    ...confirmed,
    sampleRows,
    semanticModel,
    prompt: reading.prompt,
    catalog: reading.catalog,
    now: reading.now,
    sampleValues: reading.sampleValues,
  });
  const why = first.ok
    ? `the reading planner was unsure (${first.notes.join("; ") || `confidence ${first.confidence}`})`
    : `the reading planner could not read it: ${first.message}`;
  if (!second.ok)
    return { ...second, message: first.ok ? `${second.message} (${why})` : second.message, planner: "bedrock" };
  return { ...second, notes: [why, ...second.notes], planner: "bedrock" };
}
