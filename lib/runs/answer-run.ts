import { z } from "zod";
import { pipelineOptions } from "@/lib/runs/pipeline-options";
import type { ArtifactStore } from "@/lib/artifacts/store";
import type { Database } from "@/lib/db/client";
import { resumePausedRun } from "@/lib/db/queries/runs";
import { saveKnowledge } from "@/lib/db/queries/knowledge";
import { warehouseKey } from "@/lib/semantic-model/load-model";
import type { Run } from "@/lib/db/schema";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import { AppError } from "@/lib/errors";
import type { EventStore } from "@/lib/events/types";
import { REPHRASE_CHOICE_ID, type Answers } from "@/lib/planner/questions";
import type { StartableRun } from "./lambda-invoker";
import { readRunAnswers, readRunQuestions } from "./run-questions";

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "ids are letters, digits, '-' and '_'");

export const answersBodySchema = z.object({
  /** Save the answers as knowledge of this warehouse, so the same question is not asked again. */
  remember: z.boolean({ error: "remember is true or false." }).optional(),
  answers: z
    .record(idSchema, idSchema, { error: 'Send { "answers": { "<questionId>": "<choiceId>" } }.' })
    .refine((a) => Object.keys(a).length > 0, "Answer at least one question."),
});

/**
 * Records a person's answers to the questions a run waits on: every open question needs one of
 * its own choices. The run moves from `needs_input` to `queued` once, so two answers sent at the
 * same time cannot both resume it; the planner reads the answers from the run's artifacts when
 * the run starts again. With `remember`, each answer (but "none of these") is also saved as
 * knowledge of the warehouse, with who and which run: an administrator's for everyone, a
 * member's for their own requests until an administrator approves it.
 */
export async function recordAnswers({
  run,
  answers,
  artifacts,
  events,
  db,
  remember,
}: {
  run: Pick<Run, "id" | "status">;
  answers: Answers;
  artifacts: ArtifactStore;
  events: EventStore;
  db?: Database;
  remember?: Remember;
}): Promise<void> {
  if (run.status !== "needs_input")
    throw new AppError("conflict", `This run is not waiting for answers (it is ${run.status.replace("_", " ")}).`);
  const questions = await readRunQuestions(artifacts, run.id);
  for (const [questionId, choiceId] of Object.entries(answers)) {
    const question = questions.find((q) => q.id === questionId);
    if (!question)
      throw new AppError(
        "bad_request",
        `This run asks no question "${questionId}"; it asks ${questions.map((q) => q.id).join(", ")}.`,
      );
    if (!question.choices.some((c) => c.id === choiceId))
      throw new AppError(
        "bad_request",
        `Question ${questionId} has no choice "${choiceId}"; its choices are ${question.choices.map((c) => c.id).join(", ")}.`,
      );
  }
  const open = questions.filter((q) => !(q.id in answers));
  if (open.length > 0)
    throw new AppError(
      "bad_request",
      `Answer every question: ${open.map((q) => `${q.id} ("${q.phrase}")`).join(", ")} has no answer.`,
    );
  if (!(await resumePausedRun({ id: run.id, from: "needs_input", db })))
    throw new AppError("conflict", "This run is no longer waiting for answers: it was answered already.");

  const all = { ...(await readRunAnswers(artifacts, run.id)), ...answers };
  await artifacts.put(run.id, "answers.json", JSON.stringify(all, null, 2));
  const given = questions.map((q) => ({
    questionId: q.id,
    phrase: q.phrase,
    choiceId: answers[q.id],
    label: q.choices.find((c) => c.id === answers[q.id])!.label,
  }));
  await events.append(run.id, {
    agent: "orchestrator",
    level: "info",
    message: `Answered: ${given.map((g) => `"${g.phrase}" → ${g.label}`).join("; ")}`,
    payload: { answered: given },
  });
  const kept = remember ? given.filter((g) => g.choiceId !== REPHRASE_CHOICE_ID) : [];
  for (const g of kept) {
    const kind = questions.find((q) => q.id === g.questionId)?.kind ?? "reading";
    await saveKnowledge({
      db,
      warehouse: remember!.warehouse,
      kind,
      phrase: g.phrase,
      meaning: g.label,
      createdBy: remember!.userId,
      runId: run.id,
      approved: remember!.role === "admin",
    });
  }
  if (kept.length > 0) {
    const scope = remember!.role === "admin" ? "for everyone" : "for your requests until an administrator approves it";
    await events.append(run.id, {
      agent: "orchestrator",
      level: "info",
      message: `Saved as knowledge of this warehouse, ${scope}: ${kept.map((g) => `"${g.phrase}" means ${g.label}`).join("; ")}`,
      payload: { knowledge: kept.map(({ phrase, label }) => ({ phrase, meaning: label })) },
    });
  }
}

/** Who saves answers as knowledge, and for which warehouse. */
export type Remember = { userId: string; role: "admin" | "member"; warehouse: string };

/** The warehouse a run of these options reads (the key its knowledge is kept under). */
export const warehouseOfOptions = (options: { sourceSchemas: string[] }) => warehouseKey(options.sourceSchemas);

/**
 * Records the answers (see `recordAnswers`; `rememberFor` saves them as knowledge, as that user)
 * and returns what the run starter needs to run it again.
 */
export async function answerRun({
  run,
  rememberFor,
  ...rest
}: {
  run: Run;
  answers: Answers;
  artifacts: ArtifactStore;
  events: EventStore;
  db?: Database;
  rememberFor?: { id: string; role: "admin" | "member" };
}): Promise<StartableRun> {
  const options = pipelineOptions({
    targetTable: run.targetTable ?? undefined,
    replace: run.replaceTarget,
    ...(isEngineRequest(run.engine) ? { engine: run.engine } : {}),
  });
  const remember = rememberFor && {
    userId: rememberFor.id,
    role: rememberFor.role,
    warehouse: warehouseOfOptions(options),
  };
  await recordAnswers({ run, ...rest, remember });
  return { runId: run.id, prompt: run.prompt, options };
}
