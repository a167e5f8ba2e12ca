export { planWithRules } from "@/lib/planner/rules/plan-with-rules";
export type { PlannerInput, PlanResult, PlanRejection, RejectCode } from "@/lib/planner/rules/types";
