import {
  phraseContains,
  REPHRASE_CHOICE_ID,
  rephraseMessage,
  type Answers,
  type PlanQuestion,
  type SavedMeaning,
} from "@/lib/planner/questions";
import type { PlanRejection, PlanResult } from "@/lib/planner/types";
import type { Spellings } from "./ground";

type Settled =
  | { kind: "result"; result: PlanResult }
  | { kind: "spellings"; spellings: Spellings; knowledgeUsed: string[] };

/**
 * Applies a person's answers to the questions of a refusal: "none of these" ends the request; a
 * chosen reading becomes the spec; chosen spellings are read again as the words they stand for,
 * once every misspelled word has its answer. Questions not answered yet stay asked; an answer
 * naming no choice of its question counts as none. A question a saved meaning answers is not
 * asked again: one phrase holds the other's words ("revenue", "total revenue") and the meaning is
 * one of its choices. An answer given to this request wins over it.
 */
export function settleAnswers(refusal: PlanRejection, given: Answers = {}, knowledge: SavedMeaning[] = []): Settled {
  const questions = refusal.questions ?? [];
  const saved = new Map(
    questions.flatMap((q) => {
      const entry =
        q.id in given
          ? undefined
          : knowledge.find(
              (k) =>
                k.kind === q.kind &&
                (phraseContains(q.phrase, k.phrase) || phraseContains(k.phrase, q.phrase)) &&
                q.choices.some((c) => c.label === k.meaning),
            );
      return entry ? [[q.id, entry] as const] : [];
    }),
  );
  const answers: Answers = {
    ...given,
    ...Object.fromEntries(
      [...saved].map(([id, k]) => [
        id,
        questions.find((q) => q.id === id)!.choices.find((c) => c.label === k.meaning)!.id,
      ]),
    ),
  };
  const knowledgeUsed = [...saved.values()].map((k) => k.id);
  const choiceOf = (id: string) => {
    const question = questions.find((q) => q.id === id);
    return question?.choices.find((c) => c.id === answers[id]);
  };
  const how = (q: PlanQuestion) => {
    const k = saved.get(q.id);
    return k
      ? `as ${k.by ?? "someone"} saved it${k.runId ? ` from run ${k.runId}` : ""} on ${new Date(k.at).toISOString().slice(0, 10)}`
      : "as answered";
  };
  const declined = questions.find((q) => choiceOf(q.id)?.id === REPHRASE_CHOICE_ID);
  if (declined)
    return {
      kind: "result",
      result: { ok: false, code: "ambiguous", message: rephraseMessage(declined.phrase), phrase: declined.phrase },
    };
  for (const q of questions) {
    const spec = choiceOf(q.id)?.spec;
    if (q.kind === "reading" && spec)
      return {
        kind: "result",
        result: {
          ok: true,
          spec,
          confidence: 1,
          notes: [`read "${q.phrase}" as ${choiceOf(q.id)!.label}, ${how(q)}`],
          ...(knowledgeUsed.length > 0 ? { knowledgeUsed } : {}),
        },
      };
  }
  const open = questions.filter((q) => !choiceOf(q.id));
  const spellings: Spellings = {};
  for (const q of questions) {
    const word = choiceOf(q.id)?.word;
    if (q.kind === "spelling" && word) spellings[q.phrase.toLowerCase()] = word;
  }
  if (questions.length > 0 && open.length === 0 && Object.keys(spellings).length > 0)
    return { kind: "spellings", spellings, knowledgeUsed };
  return { kind: "result", result: questions.length > 0 ? { ...refusal, questions: open } : refusal };
}
