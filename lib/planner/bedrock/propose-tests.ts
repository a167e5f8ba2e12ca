import type { Catalog } from "@/lib/catalog/types";
import type { BedrockUsage } from "@/lib/planner/bedrock/pricing";
import { buildSystemPrompt, quoteData } from "@/lib/planner/bedrock/system-prompt";
import { converseForTool, type BedrockOptions } from "@/lib/planner/bedrock/tool-conversation";
import { toolInputSchema } from "@/lib/planner/bedrock/tools";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { checkModelChecks, ModelChecksSchema, type ModelCheck } from "@/lib/validation/model-tests";

export const PROPOSE_TESTS_TOOL = "propose_tests";

/**
 * Asks the model for extra checks on the table a spec builds, beyond those DataMorph derives
 * from the spec itself (value ranges, allowed values, columns that should never be empty).
 * Suggestions are validated against the spec's output columns; an unusable answer after the
 * repair round yields no suggestions rather than failing the run.
 */
export async function proposeTestsWithBedrock(
  input: BedrockOptions & { spec: EtlSpec; catalog: Catalog; sampleValues?: Record<string, string[]> },
): Promise<{ checks: ModelCheck[]; usage: BedrockUsage; problem?: string }> {
  const { spec, catalog } = input;
  const result = await converseForTool({
    ...input,
    system: `${buildSystemPrompt({ catalog, sampleValues: input.sampleValues })}\n\n${VALIDATOR_RULES}`,
    userText: ["The spec of the table to check:", "<spec>", quoteData(spec), "</spec>"].join("\n"),
    toolConfig: {
      tools: [
        {
          toolSpec: {
            name: PROPOSE_TESTS_TOOL,
            description: "Propose up to 8 data checks on output columns of the spec.",
            inputSchema: { json: toolInputSchema(ModelChecksSchema) },
          },
        },
      ],
      toolChoice: { tool: { name: PROPOSE_TESTS_TOOL } },
    },
    read: (toolName, toolInput) =>
      toolName === PROPOSE_TESTS_TOOL
        ? checkModelChecks(toolInput, spec)
        : { ok: false, errors: [`answer by calling ${PROPOSE_TESTS_TOOL}`] },
    repairHint: `Fix every error and call ${PROPOSE_TESTS_TOOL} again.`,
  });
  return result.ok
    ? { checks: result.value, usage: result.usage }
    : { checks: [], usage: result.usage, problem: result.errors.join("; ") };
}

const VALIDATOR_RULES = `You are now the validator. DataMorph already tests the spec's grain, joins, filters and totals. Suggest only checks that follow from the request, the catalog or the known values: a measure that cannot be negative, a column that must never be empty, a range, or the values a status column may hold. Suggest nothing you would have to guess; an empty list is a good answer.`;
