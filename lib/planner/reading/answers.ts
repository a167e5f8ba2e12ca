import { REPHRASE_CHOICE_ID, rephraseMessage, type Answers } from "@/lib/planner/questions";
import type { PlanRejection, PlanResult } from "@/lib/planner/rules/types";
import type { Spellings } from "./ground";

type Settled = { kind: "result"; result: PlanResult } | { kind: "spellings"; spellings: Spellings };

/**
 * Applies a person's answers to the questions of a refusal: "none of these" ends the request; a
 * chosen reading becomes the spec; chosen spellings are read again as the words they stand for,
 * once every misspelled word has its answer. Questions not answered yet stay asked; an answer
 * naming no choice of its question counts as none.
 */
export function settleAnswers(refusal: PlanRejection, answers: Answers = {}): Settled {
  const questions = refusal.questions ?? [];
  const choiceOf = (id: string) => {
    const question = questions.find((q) => q.id === id);
    return question?.choices.find((c) => c.id === answers[id]);
  };
  const declined = questions.find((q) => choiceOf(q.id)?.id === REPHRASE_CHOICE_ID);
  if (declined) return { kind: "result", result: { ok: false, code: "ambiguous", message: rephraseMessage(declined.phrase), phrase: declined.phrase } };
  for (const q of questions) {
    const spec = choiceOf(q.id)?.spec;
    if (q.kind === "reading" && spec) return { kind: "result", result: { ok: true, spec, confidence: 1, notes: [`read "${q.phrase}" as ${choiceOf(q.id)!.label}, as answered`] } };
  }
  const open = questions.filter((q) => !choiceOf(q.id));
  const spellings: Spellings = {};
  for (const q of questions) {
    const word = choiceOf(q.id)?.word;
    if (q.kind === "spelling" && word) spellings[q.phrase.toLowerCase()] = word;
  }
  if (questions.length > 0 && open.length === 0 && Object.keys(spellings).length > 0) return { kind: "spellings", spellings };
  return { kind: "result", result: questions.length > 0 ? { ...refusal, questions: open } : refusal };
}
