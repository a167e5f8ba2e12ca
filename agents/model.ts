import { getBedrockClient } from "@/lib/aws/clients";
import type { Catalog } from "@/lib/catalog/types";
import { proposeTestsWithBedrock } from "@/lib/planner/bedrock/propose-tests";
import { describeUsage } from "@/lib/planner/bedrock/pricing";
import type { BedrockOptions } from "@/lib/planner/bedrock/tool-conversation";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { ModelCheck } from "@/lib/validation/model-tests";
import { emitter, type AgentContext } from "./types";

/** The model of the bedrock and auto modes, for planning and repairs; none in reading mode. */
export function configuredModel(context: AgentContext): BedrockOptions | undefined {
  const { planner = "reading", bedrockModelId, bedrockTemperature, bedrockMaxTokens } = context.options;
  if (planner === "reading" || !bedrockModelId) return undefined;
  return {
    client: context.bedrock ?? getBedrockClient(),
    modelId: bedrockModelId,
    temperature: bedrockTemperature,
    maxTokens: bedrockMaxTokens,
  };
}

/**
 * Validator: in bedrock mode, asks the model for checks beyond those the spec implies. Auto mode
 * does not, since it calls the model only when the reading planner cannot read a request. A model that
 * cannot be reached costs the run its suggestions, never the run itself.
 */
export async function suggestChecks(context: AgentContext, spec: EtlSpec, catalog: Catalog): Promise<ModelCheck[]> {
  const model = configuredModel(context);
  if (!model || context.options.planner !== "bedrock") return [];
  const emit = emitter(context, "validator");
  try {
    const { checks, usage, problem } = await proposeTestsWithBedrock({ ...model, spec, catalog });
    const names = checks.map((c) => c.name).join(", ");
    await emit(
      problem ? "warn" : "info",
      problem
        ? `The model's suggested checks were not usable: ${problem}`
        : `The model suggested ${checks.length} check(s)${names ? `: ${names}` : ""}; ${describeUsage(usage)}`,
      { checks, usage },
    );
    return checks;
  } catch (error) {
    await emit(
      "warn",
      `The model could not be asked for checks (${error instanceof Error ? error.message : String(error)}); the spec's own tests still run.`,
    );
    return [];
  }
}
