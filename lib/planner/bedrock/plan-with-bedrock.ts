import { ConverseCommand, type BedrockRuntimeClient, type ContentBlock, type ConverseCommandOutput, type Message } from "@aws-sdk/client-bedrock-runtime";
import type { PlannerInput, PlanResult } from "@/lib/planner/rules/types";
import { checkModelSpec } from "@/lib/planner/bedrock/check-spec";
import { precheckRequest } from "@/lib/planner/bedrock/precheck";
import { estimatedPriceFor, priceUsage, type BedrockUsage, type TokenPrice } from "@/lib/planner/bedrock/pricing";
import { buildSystemPrompt, type SampleRows } from "@/lib/planner/bedrock/system-prompt";
import { buildToolConfig, EMIT_SPEC_TOOL, readRejection, REJECT_TOOL } from "@/lib/planner/bedrock/tools";

/** How the Bedrock planner reaches the model; the rest of its input is the planner input. */
export type BedrockOptions = {
  client: BedrockRuntimeClient;
  /** Model id or inference profile, e.g. `us.anthropic.claude-sonnet-4-20250514-v1:0`. */
  modelId: string;
  /** Low, so the same request gives the same plan as far as the model allows. */
  temperature?: number;
  maxTokens?: number;
  /** Overrides the estimated price table for the cost estimate. */
  price?: TokenPrice;
};

export type BedrockPlannerInput = Pick<PlannerInput, "prompt" | "catalog" | "now" | "sampleValues"> & {
  /** Sample rows of the source tables, shown to the model as quoted data only. */
  sampleRows?: SampleRows;
} & BedrockOptions;

export type BedrockPlanResult = PlanResult & { usage?: BedrockUsage };

// A model plan is not traced word by word like a rules plan, so a reviewer should look.
const CONFIDENCE = 0.7;
const CONFIDENCE_AFTER_REPAIR = 0.5;
// The first answer and one repair: a model that misses twice is not going to converge.
const MAX_ROUNDS = 2;

/**
 * Plans a request with Claude on Bedrock (Converse API, forced tool use) and returns the
 * same result as the rules planner: a spec that passed `EtlSpecSchema` and compiled against
 * the catalog, or a rejection. An invalid answer gets one repair round with its errors;
 * a second invalid answer is rejected as "not_understood". Transport errors (access,
 * throttling past the client's retries) are thrown.
 */
export async function planWithBedrock(input: BedrockPlannerInput): Promise<BedrockPlanResult> {
  const { prompt, catalog, client, modelId, temperature = 0.2, maxTokens = 4000 } = input;
  const refused = precheckRequest(prompt, catalog);
  if (refused) return refused;

  const system = buildSystemPrompt({ catalog, sampleRows: input.sampleRows, sampleValues: input.sampleValues, now: input.now });
  const toolConfig = buildToolConfig();
  const messages: Message[] = [{ role: "user", content: [{ text: prompt }] }];
  const tokens = { inputTokens: 0, outputTokens: 0 };
  const usage = () => priceUsage(tokens, input.price ?? estimatedPriceFor(modelId));
  const errorsByRound: string[][] = [];

  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const response = await client.send(
      new ConverseCommand({ modelId, system: [{ text: system }], messages, toolConfig, inferenceConfig: { temperature, maxTokens } }),
    );
    tokens.inputTokens += response.usage?.inputTokens ?? 0;
    tokens.outputTokens += response.usage?.outputTokens ?? 0;
    const reply = response.output?.message?.content ?? [];
    const toolUse = reply.find((block) => block.toolUse)?.toolUse;

    if (toolUse?.name === REJECT_TOOL) return { ...readRejection(toolUse.input), usage: usage() };
    const errors = answerErrors(response, toolUse?.name);
    const checked = errors.length > 0 ? { ok: false as const, errors } : checkModelSpec(toolUse?.input, { prompt, catalog });
    if (checked.ok) {
      const notes = [`planned by the model ${modelId}; check every clause against the request before building`];
      if (round > 1) notes.push(`the model's first plan was corrected after: ${errorsByRound[0].join("; ")}`);
      return { ok: true, spec: checked.spec, confidence: round > 1 ? CONFIDENCE_AFTER_REPAIR : CONFIDENCE, notes, usage: usage() };
    }
    errorsByRound.push(checked.errors);
    if (round < MAX_ROUNDS) messages.push(...repairTurn(reply, toolUse?.toolUseId, checked.errors));
  }
  return {
    ok: false,
    code: "not_understood",
    message: `the model could not produce a valid plan for this request: ${errorsByRound.at(-1)?.join("; ")}`,
    usage: usage(),
  };
}

/** Problems with the answer itself, before its spec is read. */
function answerErrors(response: ConverseCommandOutput, toolName: string | undefined): string[] {
  if (response.stopReason === "max_tokens") return ["the answer was cut off at the token limit; emit a shorter spec"];
  if (toolName !== EMIT_SPEC_TOOL) return [`answer by calling ${EMIT_SPEC_TOOL} or ${REJECT_TOOL}`];
  return [];
}

/** The model's answer and the errors it must fix, as the next two turns of the conversation. */
function repairTurn(reply: ContentBlock[], toolUseId: string | undefined, errors: string[]): Message[] {
  const instructions = `The spec is invalid:\n${errors.map((e) => `- ${e}`).join("\n")}\nFix every error and call ${EMIT_SPEC_TOOL} again, or call ${REJECT_TOOL} if the request cannot be built from the catalog.`;
  // Converse needs the tool call answered by a toolResult with the same id.
  const answer: ContentBlock = toolUseId ? { toolResult: { toolUseId, status: "error", content: [{ text: instructions }] } } : { text: instructions };
  const assistant: Message[] = reply.length > 0 ? [{ role: "assistant", content: reply }] : [{ role: "assistant", content: [{ text: "(no answer)" }] }];
  return [...assistant, { role: "user", content: [answer] }];
}
