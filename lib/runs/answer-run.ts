import { z } from "zod";
import { pipelineOptions } from "@/agents/runner";
import type { ArtifactStore } from "@/lib/artifacts/store";
import type { Database } from "@/lib/db/client";
import { resumeWaitingRun } from "@/lib/db/queries/runs";
import type { Run } from "@/lib/db/schema";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import { AppError } from "@/lib/errors";
import type { EventStore } from "@/lib/events/types";
import type { Answers } from "@/lib/planner/questions";
import type { StartableRun } from "./lambda-invoker";
import { readRunAnswers, readRunQuestions } from "./run-questions";

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "ids are letters, digits, '-' and '_'");

export const answersBodySchema = z.object({
  answers: z.record(idSchema, idSchema, { error: 'Send { "answers": { "<questionId>": "<choiceId>" } }.' }).refine((a) => Object.keys(a).length > 0, "Answer at least one question."),
});

/**
 * Records a person's answers to the questions a run waits on: every open question needs one of
 * its own choices. The run moves from `needs_input` to `queued` once, so two answers sent at the
 * same time cannot both resume it; the planner reads the answers from the run's artifacts when
 * the run starts again.
 */
export async function recordAnswers({ run, answers, artifacts, events, db }: { run: Pick<Run, "id" | "status">; answers: Answers; artifacts: ArtifactStore; events: EventStore; db?: Database }): Promise<void> {
  if (run.status !== "needs_input") throw new AppError("conflict", `This run is not waiting for answers (it is ${run.status.replace("_", " ")}).`);
  const questions = await readRunQuestions(artifacts, run.id);
  for (const [questionId, choiceId] of Object.entries(answers)) {
    const question = questions.find((q) => q.id === questionId);
    if (!question) throw new AppError("bad_request", `This run asks no question "${questionId}"; it asks ${questions.map((q) => q.id).join(", ")}.`);
    if (!question.choices.some((c) => c.id === choiceId)) throw new AppError("bad_request", `Question ${questionId} has no choice "${choiceId}"; its choices are ${question.choices.map((c) => c.id).join(", ")}.`);
  }
  const open = questions.filter((q) => !(q.id in answers));
  if (open.length > 0) throw new AppError("bad_request", `Answer every question: ${open.map((q) => `${q.id} ("${q.phrase}")`).join(", ")} has no answer.`);
  if (!(await resumeWaitingRun({ id: run.id, db }))) throw new AppError("conflict", "This run is no longer waiting for answers: it was answered already.");

  const all = { ...(await readRunAnswers(artifacts, run.id)), ...answers };
  await artifacts.put(run.id, "answers.json", JSON.stringify(all, null, 2));
  const given = questions.map((q) => ({ questionId: q.id, phrase: q.phrase, choiceId: answers[q.id], label: q.choices.find((c) => c.id === answers[q.id])!.label }));
  await events.append(run.id, { agent: "orchestrator", level: "info", message: `Answered: ${given.map((g) => `"${g.phrase}" → ${g.label}`).join("; ")}`, payload: { answered: given } });
}

/** Records the answers (see `recordAnswers`) and returns what the run starter needs to run it again. */
export async function answerRun({ run, ...rest }: { run: Run; answers: Answers; artifacts: ArtifactStore; events: EventStore; db?: Database }): Promise<StartableRun> {
  await recordAnswers({ run, ...rest });
  return {
    runId: run.id,
    prompt: run.prompt,
    options: pipelineOptions({ targetTable: run.targetTable ?? undefined, replace: run.replaceTarget, ...(isEngineRequest(run.engine) ? { engine: run.engine } : {}) }),
  };
}
