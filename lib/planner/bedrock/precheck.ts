import type { Catalog } from "@/lib/catalog/types";
import { checkRequest } from "@/lib/planner/safety";
import { PlanRejected, type PlanRejection } from "@/lib/planner/types";

/**
 * The offline planner's own gate, run before any model call: an empty, oversized or unsafe
 * request, or an empty warehouse, is refused the same way whichever planner is chosen, and
 * costs nothing.
 */
export function precheckRequest(prompt: string, catalog: Catalog): PlanRejection | null {
  try {
    checkRequest(prompt, catalog);
    return null;
  } catch (error) {
    if (error instanceof PlanRejected) return error.rejection;
    throw error;
  }
}
