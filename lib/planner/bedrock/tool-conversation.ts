import {
  ConverseCommand,
  type BedrockRuntimeClient,
  type ContentBlock,
  type Message,
  type ToolConfiguration,
} from "@aws-sdk/client-bedrock-runtime";
import { estimatedPriceFor, priceUsage, type BedrockUsage, type TokenPrice } from "@/lib/planner/bedrock/pricing";

/** How a model call reaches the model; shared by the planner, the remediator and the validator. */
export type BedrockOptions = {
  client: BedrockRuntimeClient;
  /** Model id or inference profile, e.g. `us.anthropic.claude-sonnet-4-20250514-v1:0`. */
  modelId: string;
  /** Low, so the same input gives the same answer as far as the model allows. */
  temperature?: number;
  maxTokens?: number;
  /** Overrides the estimated price table for the cost estimate. */
  price?: TokenPrice;
};

/** One tool call read by the caller: accepted with its value, or errors to send back. */
export type ToolAnswer<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export type ToolConversationResult<T> =
  | {
      ok: true;
      value: T;
      usage: BedrockUsage /** Errors of the first answer, when a repair round was needed. */;
      repairedErrors?: string[];
    }
  | { ok: false; errors: string[]; usage: BedrockUsage };

// The first answer and one repair: a model that misses twice is not going to converge.
const MAX_ROUNDS = 2;

/**
 * Asks the model (Converse API, forced tool use) and reads its tool call with `read`, which
 * holds the answer to the same bar as anything else DataMorph accepts. An answer that fails
 * goes back once with its errors (`repairHint` says what to do next); a second failure is
 * returned as errors. Transport errors (access, throttling past the client's retries) are thrown.
 */
export async function converseForTool<T>({
  client,
  modelId,
  temperature = 0.2,
  maxTokens = 4000,
  price,
  system,
  userText,
  toolConfig,
  read,
  repairHint,
}: BedrockOptions & {
  system: string;
  userText: string;
  toolConfig: ToolConfiguration;
  read: (toolName: string | undefined, input: unknown) => ToolAnswer<T>;
  repairHint: string;
}): Promise<ToolConversationResult<T>> {
  const messages: Message[] = [{ role: "user", content: [{ text: userText }] }];
  const tokens = { inputTokens: 0, outputTokens: 0 };
  const usage = () => priceUsage(tokens, price ?? estimatedPriceFor(modelId));
  const errorsByRound: string[][] = [];

  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const response = await client.send(
      new ConverseCommand({
        modelId,
        system: [{ text: system }],
        messages,
        toolConfig,
        inferenceConfig: { temperature, maxTokens },
      }),
    );
    tokens.inputTokens += response.usage?.inputTokens ?? 0;
    tokens.outputTokens += response.usage?.outputTokens ?? 0;
    const reply = response.output?.message?.content ?? [];
    const toolUse = reply.find((block) => block.toolUse)?.toolUse;
    const answer: ToolAnswer<T> =
      response.stopReason === "max_tokens"
        ? { ok: false, errors: ["the answer was cut off at the token limit; answer more briefly"] }
        : read(toolUse?.name, toolUse?.input);
    if (answer.ok)
      return {
        ok: true,
        value: answer.value,
        usage: usage(),
        ...(round > 1 ? { repairedErrors: errorsByRound[0] } : {}),
      };
    errorsByRound.push(answer.errors);
    if (round < MAX_ROUNDS)
      messages.push(
        ...repairTurn(
          reply,
          toolUse?.toolUseId,
          `The answer is invalid:\n${answer.errors.map((e) => `- ${e}`).join("\n")}\n${repairHint}`,
        ),
      );
  }
  return { ok: false, errors: errorsByRound.at(-1) ?? [], usage: usage() };
}

/** The model's answer and the errors it must fix, as the next two turns of the conversation. */
function repairTurn(reply: ContentBlock[], toolUseId: string | undefined, instructions: string): Message[] {
  // Converse needs the tool call answered by a toolResult with the same id.
  const answer: ContentBlock = toolUseId
    ? { toolResult: { toolUseId, status: "error", content: [{ text: instructions }] } }
    : { text: instructions };
  const assistant: Message[] =
    reply.length > 0
      ? [{ role: "assistant", content: reply }]
      : [{ role: "assistant", content: [{ text: "(no answer)" }] }];
  return [...assistant, { role: "user", content: [answer] }];
}
