import type { Catalog } from "@/lib/catalog/types";
import { checkSafety, MAX_PROMPT_LENGTH } from "@/lib/planner/rules/safety";
import { PlanRejected, reject, type PlanRejection } from "@/lib/planner/rules/types";

/**
 * The rules planner's own gate, run before any model call: an empty, oversized or unsafe
 * request, or an empty warehouse, is refused the same way whichever planner is chosen, and
 * costs nothing.
 */
export function precheckRequest(prompt: string, catalog: Catalog): PlanRejection | null {
  try {
    const text = prompt.replace(/\s+/g, " ").trim();
    if (text.length === 0) reject("empty", "the request is empty; describe the table you want, e.g. \"total order amount per customer\"");
    if (text.length > MAX_PROMPT_LENGTH) reject("not_understood", `the request is ${text.length} characters long; keep it under ${MAX_PROMPT_LENGTH}`);
    if (catalog.tables.length === 0) reject("unknown_table", "the warehouse has no readable tables yet; load or import data first");
    checkSafety(text);
    return null;
  } catch (error) {
    if (error instanceof PlanRejected) return error.rejection;
    throw error;
  }
}
