import { describe, expect, it } from "vitest";
import type { StoredRunEvent } from "@/lib/events/types";
import { answeredSinceAsked, openQuestionsOf } from "./open-questions";

const question = {
  id: "q1",
  text: "Which?",
  phrase: "revenue",
  choices: [{ id: "c1", label: "orders.amount", reading: "total orders.amount" }],
};
const event = (seq: number, payload: unknown): StoredRunEvent => ({
  runId: "r",
  seq,
  at: "2026-12-03T00:00:00Z",
  agent: "orchestrator",
  level: "info",
  message: `event ${seq}`,
  payload,
});

describe("the questions a run's timeline leaves open", () => {
  it("shows the last question until an answer or the run's end follows it", () => {
    const asked = [event(1, { prompt: "revenue per month" }), event(2, { needsInput: true, questions: [question] })];
    expect(openQuestionsOf(asked)).toEqual([question]);
    expect(answeredSinceAsked(asked)).toBeNull();
    const answered = [...asked, event(3, { answered: [{ questionId: "q1", choiceId: "c1" }] })];
    expect(openQuestionsOf(answered)).toBeNull();
    expect(answeredSinceAsked(answered)).toBe(true);
    expect(openQuestionsOf([...answered, event(4, { needsInput: true, questions: [question] })])).toEqual([question]);
    expect(openQuestionsOf([...asked, event(3, { final: true, status: "failed" })])).toBeNull();
  });

  it("is empty for a run that never asked", () => {
    const plain = [event(1, {}), event(2, { final: true, status: "succeeded" })];
    expect(openQuestionsOf(plain)).toBeNull();
    expect(answeredSinceAsked(plain)).toBe(false);
  });
});
