export { planWithBedrock } from "@/lib/planner/bedrock/plan-with-bedrock";
export type { BedrockOptions, BedrockPlannerInput, BedrockPlanResult } from "@/lib/planner/bedrock/plan-with-bedrock";
export { planAuto } from "@/lib/planner/bedrock/auto-planner";
export type { AutoPlanResult } from "@/lib/planner/bedrock/auto-planner";
export { ESTIMATED_PRICES, ESTIMATED_SONNET_PRICE } from "@/lib/planner/bedrock/pricing";
export type { BedrockUsage, TokenPrice } from "@/lib/planner/bedrock/pricing";
export type { SampleRows } from "@/lib/catalog/sample-rows";
