import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

const cache = globalThis as unknown as { datamorphBedrock?: BedrockRuntimeClient };

/** One Bedrock client per process; region and credentials come from the AWS environment. */
export function getBedrockClient(): BedrockRuntimeClient {
  cache.datamorphBedrock ??= new BedrockRuntimeClient({ maxAttempts: 4 });
  return cache.datamorphBedrock;
}
