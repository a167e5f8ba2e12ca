import type { PlannerInput, PlanRejection, PlanResult } from "@/lib/planner/types";
import type { SavedMeaning } from "@/lib/planner/questions";
import type { VerifiedExample } from "@/lib/planner/verified/plan-from-example";
import type { SemanticModel } from "@/lib/semantic-model/model-schema";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { checkModelSpec } from "@/lib/planner/bedrock/check-spec";
import { precheckRequest } from "@/lib/planner/bedrock/precheck";
import type { BedrockUsage } from "@/lib/planner/bedrock/pricing";
import type { SampleRows } from "@/lib/catalog/sample-rows";
import { buildSystemPrompt } from "@/lib/planner/bedrock/system-prompt";
import { converseForTool, type BedrockOptions, type ToolAnswer } from "@/lib/planner/bedrock/tool-conversation";
import { buildToolConfig, EMIT_SPEC_TOOL, readRejection, REJECT_TOOL } from "@/lib/planner/bedrock/tools";

export type { BedrockOptions } from "@/lib/planner/bedrock/tool-conversation";

/** What people confirmed in a warehouse: meanings of words, and requests whose tables they checked. */
export type ConfirmedByPeople = { knowledge?: SavedMeaning[]; verifiedExamples?: VerifiedExample[] };

export type BedrockPlannerInput = Pick<PlannerInput, "prompt" | "catalog" | "now" | "sampleValues"> & {
  /** Sample rows of the source tables, shown to the model as quoted data only. */
  sampleRows?: SampleRows;
  /** The warehouse's semantic model, shown to the model as quoted data only. */
  semanticModel?: SemanticModel;
} & ConfirmedByPeople &
  BedrockOptions;

export type BedrockPlanResult = PlanResult & { usage?: BedrockUsage };

// A model plan is not traced word by word like a rules plan, so a reviewer should look.
const CONFIDENCE = 0.7;
const CONFIDENCE_AFTER_REPAIR = 0.5;

/**
 * Plans a request with Claude on Bedrock (Converse API, forced tool use) and returns the
 * same result as the reading planner: a spec that passed `EtlSpecSchema` and compiled against
 * the catalog, or a rejection. An invalid answer gets one repair round with its errors;
 * a second invalid answer is rejected as "not_understood". Transport errors (access,
 * throttling past the client's retries) are thrown.
 */
export async function planWithBedrock(input: BedrockPlannerInput): Promise<BedrockPlanResult> {
  const { prompt, catalog, modelId } = input;
  const refused = precheckRequest(prompt, catalog);
  if (refused) return refused;

  const read = (toolName: string | undefined, toolInput: unknown): ToolAnswer<EtlSpec | PlanRejection> => {
    if (toolName === REJECT_TOOL) return { ok: true, value: readRejection(toolInput) };
    if (toolName !== EMIT_SPEC_TOOL)
      return { ok: false, errors: [`answer by calling ${EMIT_SPEC_TOOL} or ${REJECT_TOOL}`] };
    const checked = checkModelSpec(toolInput, { prompt, catalog });
    return checked.ok ? { ok: true, value: checked.spec } : checked;
  };
  const result = await converseForTool({
    ...input,
    system: buildSystemPrompt({
      catalog,
      sampleRows: input.sampleRows,
      sampleValues: input.sampleValues,
      semanticModel: input.semanticModel,
      knowledge: input.knowledge,
      verifiedExamples: input.verifiedExamples,
      now: input.now,
    }),
    userText: prompt,
    toolConfig: buildToolConfig(),
    read,
    repairHint: `Fix every error and call ${EMIT_SPEC_TOOL} again, or call ${REJECT_TOOL} if the request cannot be built from the catalog.`,
  });
  if (!result.ok) {
    return {
      ok: false,
      code: "not_understood",
      message: `the model could not produce a valid plan for this request: ${result.errors.join("; ")}`,
      usage: result.usage,
    };
  }
  if ("ok" in result.value) return { ...result.value, usage: result.usage };
  const notes = [`planned by the model ${modelId}; check every clause against the request before building`];
  if (result.repairedErrors)
    notes.push(`the model's first plan was corrected after: ${result.repairedErrors.join("; ")}`);
  return {
    ok: true,
    spec: result.value,
    confidence: result.repairedErrors ? CONFIDENCE_AFTER_REPAIR : CONFIDENCE,
    notes,
    usage: result.usage,
  };
}
