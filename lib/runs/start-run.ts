import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { getSql } from "@/lib/db";
import { createRun } from "@/lib/db/queries/runs";
import { ENGINE_REQUESTS } from "@/lib/engines/choose-engine";
import { canBuildWithGlue, getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { plainText } from "@/lib/input/plain-text";
import type { RunStarter } from "@/lib/runs/lambda-invoker";
import { pipelineOptions } from "@/lib/runs/pipeline-options";
import { SnakeNameSchema } from "@/lib/spec/clauses";
import { getArtifactStore } from "@/lib/artifacts/current";
import { getEventStore } from "@/lib/events/live";
import type { Run } from "@/lib/db/schema";
import type { Answers } from "@/lib/planner/questions";
import { answerRun } from "@/lib/runs/answer-run";
import { checkRunTarget } from "@/lib/tables/run-target";
import { handOverRun } from "./hand-over";
import { saveReviewRequest } from "@/lib/review/review-request";

export const startRunSchema = z.object({
  prompt: z
    .string()
    .superRefine(plainText("prompt", { multiline: true }))
    .trim()
    .min(1, "Describe the table you want.")
    .max(4000, "Keep the request under 4,000 characters."),
  target: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().superRefine(plainText("target table name")).pipe(SnakeNameSchema).optional(),
  ),
  engine: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(ENGINE_REQUESTS, { error: "Choose sql, glue or auto." }).optional(),
  ),
  /** Replace `target` if it exists: JSON `true`, or a ticked checkbox ("on"). */
  replace: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).optional(),
  /** Stop after planning so a person can review and edit the plan before anything is built. */
  review: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).optional(),
});

export type StartRunInput = z.infer<typeof startRunSchema>;

/**
 * Creates a run and hands it to `starter` without waiting (see `agents/run-starter.ts`). Returns
 * the run id at once, so the caller can show it live. If the run cannot be handed over, it is marked failed, not
 * left queued, and the caller gets an `unavailable` error.
 */
export async function startRun({
  user,
  prompt,
  target,
  engine,
  replace = false,
  review = false,
  starter,
}: StartRunInput & { user: SessionUser; starter: RunStarter }): Promise<string> {
  if (engine && engine !== "sql" && !canBuildWithGlue(getEnv())) {
    throw new AppError(
      "bad_request",
      "AWS Glue is not configured here: build with SQL, or set DATAMORPH_GLUE_ROLE_ARN, DATAMORPH_GLUE_CONNECTION and DATAMORPH_ARTIFACTS_BUCKET.",
    );
  }
  // Refused here, before a run exists; the run checks again right before it publishes.
  if (target) await checkRunTarget({ sql: getSql(), schema: getEnv().targetSchema, table: target, user, replace });
  const run = await createRun({ userId: user.id, prompt, targetTable: target, engine, replaceTarget: replace });
  await handOverRun(run.id, "started", async () => {
    if (review) await saveReviewRequest(getArtifactStore(), run.id, { review });
    await starter({
      runId: run.id,
      prompt,
      options: pipelineOptions({ targetTable: target, replace, review, ...(engine ? { engine } : {}) }),
    });
  });
  return run.id;
}

/**
 * Records the answers to the questions `run` waits on (saved as `rememberFor`'s knowledge when
 * given) and starts it again (see `answerRun`). If it cannot be handed over, it is marked failed
 * rather than left queued.
 */
export async function resumeAnsweredRun({
  run,
  answers,
  rememberFor,
  starter,
}: {
  run: Run;
  answers: Answers;
  rememberFor?: SessionUser;
  starter: RunStarter;
}): Promise<void> {
  const startable = await answerRun({
    run,
    answers,
    artifacts: getArtifactStore(),
    events: getEventStore(),
    rememberFor,
  });
  await handOverRun(run.id, "resumed", () => starter(startable));
}
