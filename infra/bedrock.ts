import type { DeploySettings } from "./settings";

// Cross-region inference profile ids start with a geography (`us.anthropic.claude-…`); newer
// models are offered on demand only through such a profile.
const PROFILE_GEOGRAPHIES = ["us", "us-gov", "eu", "apac", "jp", "au", "ca", "global"];

/**
 * Lets the orchestrator call the one configured Bedrock model and no other (the Converse API is
 * authorised as `bedrock:InvokeModel`). Nothing when the planner does not use Bedrock.
 */
export function bedrockPermissions({ bedrockModelId: modelId }: DeploySettings) {
  if (!modelId) return [];
  const partition = aws.getPartitionOutput().partition;
  const region = aws.getRegionOutput().region;
  const geography = modelId.slice(0, modelId.indexOf("."));
  if (!PROFILE_GEOGRAPHIES.includes(geography)) {
    return [
      {
        actions: ["bedrock:InvokeModel"],
        resources: [$interpolate`arn:${partition}:bedrock:${region}::foundation-model/${modelId}`],
      },
    ];
  }
  const account = aws.getCallerIdentityOutput().accountId;
  const model = modelId.slice(geography.length + 1);
  return [
    {
      actions: ["bedrock:InvokeModel"],
      resources: [
        $interpolate`arn:${partition}:bedrock:${region}:${account}:inference-profile/${modelId}`,
        // The profile forwards each request to a region of its geography (any region, for global).
        $interpolate`arn:${partition}:bedrock:*::foundation-model/${model}`,
      ],
    },
  ];
}
