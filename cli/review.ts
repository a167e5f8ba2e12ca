import type { RunOutcome } from "@/agents/orchestrator";
import { describeSpec } from "@/lib/spec/plain-sentences";

/**
 * A run stopped for review: its plan, one sentence per clause with the words it came from, and
 * how to build it. With `json`, one object `{ runId, status: "in_review", spec, sentences }`.
 */
export function printPlanForReview(outcome: RunOutcome, { json }: { json: boolean }) {
  const sentences = outcome.spec ? describeSpec(outcome.spec) : [];
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ runId: outcome.runId, status: outcome.status, spec: outcome.spec ?? null, sentences })}\n`,
    );
    return;
  }
  const lines = sentences.map((s) => `  ${s.sentence}${s.phrase ? `  ← “${s.phrase}”` : ""}`);
  process.stdout.write(
    [
      `The plan (run ${outcome.runId}, waiting for review):`,
      ...lines,
      "",
      `Build it as it is:         npm run -s datamorph -- build ${outcome.runId}`,
      `or edit the spec and pass: npm run -s datamorph -- build ${outcome.runId} --spec plan.json`,
      `(run ... --review --json prints the spec to edit.)`,
      "",
    ].join("\n"),
  );
}
