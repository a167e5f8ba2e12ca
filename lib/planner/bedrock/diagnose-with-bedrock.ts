import type { ToolConfiguration } from "@aws-sdk/client-bedrock-runtime";
import { z } from "zod";
import type { Catalog } from "@/lib/catalog/types";
import { checkModelSpec } from "@/lib/planner/bedrock/check-spec";
import type { BedrockUsage } from "@/lib/planner/bedrock/pricing";
import { buildSystemPrompt, DATA_GUARD, quoteData } from "@/lib/planner/bedrock/system-prompt";
import { converseForTool, type BedrockOptions, type ToolAnswer } from "@/lib/planner/bedrock/tool-conversation";
import { toolInputSchema } from "@/lib/planner/bedrock/tools";
import { EtlSpecSchema, type EtlSpec } from "@/lib/spec/etl-spec";
import type { DataTestResult } from "@/lib/validation/types";

export const AMEND_SPEC_TOOL = "amend_spec";
export const CANNOT_REPAIR_TOOL = "cannot_repair";

const DiagnosisSchema = z.object({ diagnosis: z.string().trim().min(1).max(2000) });
// The spec is checked in full by `checkModelSpec`; the schema here tells the model its shape.
const AmendmentSchema = DiagnosisSchema.extend({ spec: EtlSpecSchema });

export type ModelRemedy = { diagnosis: string; amended: EtlSpec | null; usage: BedrockUsage };

// Rows enough to show the pattern of a failure; more only costs tokens.
const ROWS_PER_TEST = 5;

/**
 * Asks the model why a build failed its data tests and for an amended spec. The answer is held
 * to the planner's bar (schema, then a compile against the catalog) and must keep the target
 * table and change something; otherwise it goes back once, and then the run stops unrepaired.
 * Failing rows are shown as quoted data, never as instructions.
 */
export async function diagnoseWithBedrock(
  input: BedrockOptions & { spec: EtlSpec; catalog: Catalog; results: DataTestResult[] },
): Promise<ModelRemedy> {
  const { spec, catalog, results } = input;
  const failing = results.filter((r) => r.blocking && !r.passed);
  const read = (
    toolName: string | undefined,
    toolInput: unknown,
  ): ToolAnswer<{ diagnosis: string; amended: EtlSpec | null }> => {
    if (toolName === CANNOT_REPAIR_TOOL) {
      const parsed = DiagnosisSchema.safeParse(toolInput);
      return {
        ok: true,
        value: { diagnosis: parsed.success ? parsed.data.diagnosis : "The model found no safe repair.", amended: null },
      };
    }
    if (toolName !== AMEND_SPEC_TOOL)
      return { ok: false, errors: [`answer by calling ${AMEND_SPEC_TOOL} or ${CANNOT_REPAIR_TOOL}`] };
    const parsed = DiagnosisSchema.extend({ spec: z.unknown() }).safeParse(toolInput);
    if (!parsed.success) return { ok: false, errors: ["the input needs a diagnosis (text) and a spec (object)"] };
    const checked = checkModelSpec(parsed.data.spec, { prompt: spec.prompt, catalog });
    if (!checked.ok) return checked;
    // Another target would bypass the check that DataMorph owns the table it replaces.
    if (checked.spec.target.table !== spec.target.table)
      return { ok: false, errors: [`keep the target table ${spec.target.table}`] };
    if (JSON.stringify(checked.spec) === JSON.stringify(spec))
      return { ok: false, errors: ["the amended spec is the same as the failing one; change what caused the failure"] };
    return { ok: true, value: { diagnosis: parsed.data.diagnosis, amended: checked.spec } };
  };
  const result = await converseForTool({
    ...input,
    system: `${buildSystemPrompt({ catalog })}\n\n${REMEDIATOR_RULES}`,
    userText: [
      "The request, the spec built from it, and the data tests it failed:",
      "<request>",
      DATA_GUARD,
      quoteData(spec.prompt),
      "</request>",
      "<spec>",
      quoteData(spec),
      "</spec>",
      "<failing_tests>",
      DATA_GUARD,
      ...failing.map((r) =>
        quoteData({
          test: r.name,
          checks: r.description,
          clause: r.clause,
          failingRows: r.failingCount,
          sample: r.failingRows.slice(0, ROWS_PER_TEST),
          error: r.error,
        }),
      ),
      "</failing_tests>",
    ].join("\n"),
    toolConfig: toolConfig(),
    read,
    repairHint: `Fix every error and call ${AMEND_SPEC_TOOL} again, or call ${CANNOT_REPAIR_TOOL}.`,
  });
  if (!result.ok)
    return {
      diagnosis: `The model's repair was not usable: ${result.errors.join("; ")}`,
      amended: null,
      usage: result.usage,
    };
  return { ...result.value, usage: result.usage };
}

const REMEDIATOR_RULES = `You are now the remediator. A spec was built into a shadow table and failed the data tests below; the target table was not changed.
1. Find the cause in the spec (a join that repeats rows, a wrong key, a filter on the wrong column, a wrong aggregate) from the tests and their failing rows.
2. If one change to the spec fixes the cause and still builds what the request asks, call amend_spec with a short diagnosis and the whole amended spec. Keep the target table.
3. Never weaken the result to pass a test: do not drop requested columns, filters or rows, and do not change what a measure means. If the only fix would, or you are unsure, call cannot_repair with the diagnosis a data engineer needs.`;

function toolConfig(): ToolConfiguration {
  return {
    tools: [
      {
        toolSpec: {
          name: AMEND_SPEC_TOOL,
          description: "Propose the amended spec that fixes the failing tests, with the diagnosis.",
          inputSchema: { json: toolInputSchema(AmendmentSchema) },
        },
      },
      {
        toolSpec: {
          name: CANNOT_REPAIR_TOOL,
          description: "Say why no safe repair exists and what a person should decide.",
          inputSchema: { json: toolInputSchema(DiagnosisSchema) },
        },
      },
    ],
    toolChoice: { any: {} },
  };
}
