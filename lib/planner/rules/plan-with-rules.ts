import type { PlannerInput, PlanResult } from "@/lib/planner/rules/types";
import { PlanRejected } from "@/lib/planner/rules/types";
import { buildSpec } from "@/lib/planner/rules/build-spec";
import { getLexicon } from "@/lib/planner/rules/lexicon";
import { parseIntent } from "@/lib/planner/rules/parse";
import { checkRequest } from "@/lib/planner/rules/safety";
import { tokenize } from "@/lib/planner/rules/tokenize";
import { getJoinGraph } from "@/lib/planner/rules/join-graph";

/**
 * The deterministic, offline planner: reads a plain-English request against the live catalog
 * and returns a validated `EtlSpec`, or a rejection that names the phrase it could not read.
 * It never guesses a table: unknown, ambiguous or unsafe requests are rejected.
 */
export function planWithRules({
  prompt,
  catalog,
  now = new Date(),
  sampleValues,
  derivedTables,
}: PlannerInput): PlanResult {
  try {
    const text = checkRequest(prompt, catalog);
    const lexicon = getLexicon(catalog, sampleValues);
    const links = { graph: getJoinGraph(catalog), derived: new Set(derivedTables ?? []) };
    const intent = parseIntent(text, tokenize(text, lexicon, now, links), lexicon);
    const spec = buildSpec(text, intent, catalog, links.derived);
    return { ok: true, spec, confidence: intent.confidence, notes: intent.notes };
  } catch (error) {
    if (error instanceof PlanRejected) return error.rejection;
    throw error;
  }
}
