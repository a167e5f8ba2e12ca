import type { EtlSpec } from "@/lib/spec/etl-spec";

/** The choice every question ends with: none of the readings was meant. */
export const REPHRASE_CHOICE_ID = "rephrase";

/** One answer a question offers: what it would build, in plain words. */
export type QuestionChoice = {
  id: string;
  label: string;
  /** One line of plain English: what the table would be with this choice. */
  reading: string;
  /** The spec this choice builds, when the question is between whole readings. */
  spec?: EtlSpec;
  /** The word a misspelled word is read as, when the question is about a spelling. */
  word?: string;
};

/**
 * A question the planner asks instead of guessing: about the words `phrase`, with its
 * likeliest choice first and "none of these — rephrase" last. Its id follows from its content,
 * so planning the same request on the same warehouse asks it with the same id.
 */
export type PlanQuestion = {
  id: string;
  kind: "reading" | "spelling";
  text: string;
  phrase: string;
  choices: QuestionChoice[];
};

/** Answers so far: question id → choice id. */
export type Answers = Record<string, string>;

/** What a question shows outside the planner: no specs, no internal words. */
export type PublicQuestion = {
  id: string;
  text: string;
  phrase: string;
  choices: { id: string; label: string; reading: string }[];
};

export const publicQuestion = (q: PlanQuestion): PublicQuestion => ({
  id: q.id,
  text: q.text,
  phrase: q.phrase,
  choices: q.choices.map(({ id, label, reading }) => ({ id, label, reading })),
});

export const rephraseChoice = (): QuestionChoice => ({
  id: REPHRASE_CHOICE_ID,
  label: "None of these — rephrase",
  reading: "Ends this run; describe the table again in other words.",
});

/** A question with its id derived from what it asks (FNV-1a over kind, phrase and choice labels). */
export function makeQuestion(question: Omit<PlanQuestion, "id">): PlanQuestion {
  let hash = 0x811c9dc5;
  for (const char of [question.kind, question.phrase, ...question.choices.map((c) => c.label)].join("\u0000")) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return { id: `q${hash.toString(16).padStart(8, "0")}`, ...question };
}

/** The message of a run ended by "none of these". */
export const rephraseMessage = (phrase: string) =>
  `None of the readings of "${phrase}" was meant: rephrase the request, naming the table or column you mean.`;

/** A meaning a person confirmed earlier for this warehouse, that answers the same question again. */
export type SavedMeaning = {
  id: string;
  kind: string;
  phrase: string;
  meaning: string;
  by: string | null;
  at: Date | string;
  runId: string | null;
};

/** Whether the words of `inner` appear, in order and whole, in `outer` ("revenue" in "total revenue"). */
export function phraseContains(outer: string, inner: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}_]+/u)
      .filter(Boolean);
  const o = words(outer);
  const i = words(inner);
  if (i.length === 0) return false;
  return o.some((_, start) => i.every((w, k) => o[start + k] === w));
}
