/** USD per 1,000 tokens. */
export type TokenPrice = { inputPer1K: number; outputPer1K: number };

/** Token counts of one planning call (all rounds), with the estimated on-demand cost. */
export type BedrockUsage = { inputTokens: number; outputTokens: number; estimatedCostUsd: number };

/** Claude Sonnet on-demand list price on Bedrock; an estimate, not a bill. */
export const ESTIMATED_SONNET_PRICE: TokenPrice = { inputPer1K: 0.003, outputPer1K: 0.015 };

/**
 * Estimated on-demand list prices by model id, first match wins. Regional, batch and
 * cross-region prices differ; pass `price` to the planner to use your own.
 */
export const ESTIMATED_PRICES: { match: RegExp; price: TokenPrice }[] = [
  { match: /haiku-4/, price: { inputPer1K: 0.001, outputPer1K: 0.005 } },
  { match: /3-5-haiku/, price: { inputPer1K: 0.0008, outputPer1K: 0.004 } },
  { match: /haiku/, price: { inputPer1K: 0.00025, outputPer1K: 0.00125 } },
  { match: /opus-4-[5-9]/, price: { inputPer1K: 0.005, outputPer1K: 0.025 } },
  { match: /opus/, price: { inputPer1K: 0.015, outputPer1K: 0.075 } },
  { match: /sonnet/, price: ESTIMATED_SONNET_PRICE },
];

/** The estimated price of a model; unknown models are priced as Sonnet. */
export function estimatedPriceFor(modelId: string): TokenPrice {
  return ESTIMATED_PRICES.find((p) => p.match.test(modelId))?.price ?? ESTIMATED_SONNET_PRICE;
}

/** Usage with its estimated cost, rounded to a millionth of a dollar. */
export function priceUsage(
  { inputTokens, outputTokens }: { inputTokens: number; outputTokens: number },
  price: TokenPrice,
): BedrockUsage {
  const cost = (inputTokens / 1000) * price.inputPer1K + (outputTokens / 1000) * price.outputPer1K;
  return { inputTokens, outputTokens, estimatedCostUsd: Math.round(cost * 1e6) / 1e6 };
}

/** Usage in words, for a run event. */
export function describeUsage({ inputTokens, outputTokens, estimatedCostUsd }: BedrockUsage): string {
  return `${inputTokens} tokens read and ${outputTokens} written (about $${estimatedCostUsd.toFixed(4)})`;
}
