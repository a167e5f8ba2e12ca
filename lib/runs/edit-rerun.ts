import { z } from "zod";
import { getArtifactStore } from "@/lib/artifacts/current";
import type { SessionUser } from "@/lib/auth/session";
import { getDb, getSql } from "@/lib/db";
import { createRun, updateRun } from "@/lib/db/queries/runs";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getEventStore } from "@/lib/events/live";
import { plainText } from "@/lib/input/plain-text";
import { saveReviewRequest } from "@/lib/review/review-request";
import { getRunForUser } from "@/lib/runs/access";
import { checkPlanEdit, readRunSpec } from "@/lib/runs/review-run";
import type { RunStarter } from "@/lib/runs/lambda-invoker";
import { startRun } from "@/lib/runs/start-run";
import { checkRunTarget } from "@/lib/tables/run-target";

/** `POST /api/runs/<id>/rerun`: the request, and the plan as edited (built without planning again while the request is unchanged). */
export const editRerunSchema = z.object({
  prompt: z
    .string()
    .superRefine(plainText("prompt", { multiline: true }))
    .trim()
    .min(1, "Describe the table you want.")
    .max(4000, "Keep the request under 4,000 characters."),
  spec: z.record(z.string(), z.unknown()).optional(),
});

const FINISHED = new Set(["succeeded", "failed", "rejected", "interrupted"]);

/**
 * "Edit & re-run" of a finished run: a new run that stops for review. With the request as it
 * was and a plan to start from, the new run takes that plan (edited or not) without planning
 * again; a changed request is planned afresh. Like Re-run, it builds the run's own table, asking
 * to replace it, under the same rules as any run.
 */
export async function startEditedRerun({
  user,
  runId,
  prompt,
  spec,
  starter,
}: { user: SessionUser; runId: string; starter: RunStarter } & z.infer<typeof editRerunSchema>): Promise<string> {
  const from = await getRunForUser({ id: runId, user });
  if (!FINISHED.has(from.status))
    throw new AppError("conflict", `This run is ${from.status}; edit and re-run it once it has finished.`);
  const target = from.targetTable ?? undefined;
  const engine = isEngineRequest(from.engine) ? from.engine : undefined;
  const replace = target !== undefined;
  const planned = await readRunSpec(from.id);
  if (prompt !== from.prompt.trim() || !planned)
    return startRun({ user, prompt, target, engine, replace, review: true, starter });

  const checked = await checkPlanEdit({ planned, edited: spec ?? planned });
  if (target)
    await checkRunTarget({ sql: getSql(), db: getDb(), schema: getEnv().targetSchema, table: target, user, replace });
  const run = await createRun({
    userId: user.id,
    prompt: from.prompt,
    targetTable: target,
    engine,
    replaceTarget: replace,
  });
  await getArtifactStore().put(run.id, "spec.json", JSON.stringify(checked, null, 2));
  await saveReviewRequest(getArtifactStore(), run.id, { review: true });
  const events = getEventStore();
  await events.append(run.id, {
    agent: "planner",
    level: "success",
    message: `Took the plan of run ${from.id} for review`,
    payload: { spec: checked, notes: [], planner: "review", from: from.id },
  });
  await updateRun({ id: run.id, status: "in_review" });
  await events.append(run.id, {
    agent: "orchestrator",
    level: "info",
    message: "Waiting for review: read the plan, change what is wrong, then press Build.",
    payload: { final: true, status: "in_review" },
  });
  return run.id;
}
