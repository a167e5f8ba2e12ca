"use client";

import { useState, type FormEvent, type KeyboardEvent } from "react";
import type { PublicQuestion } from "@/lib/planner/questions";
import { openQuestionsOf } from "@/lib/runs/open-questions";
import { useRunEvents } from "./run-events";

/**
 * The questions a run waits on, as a form: one radio group per question, its likeliest reading
 * chosen already, so Enter answers. It shows while the timeline's last word is the question and
 * goes once the answer is on the timeline (live, over the run's event stream).
 */
export function QuestionCard({ runId }: { runId: string }) {
  const questions = openQuestionsOf(useRunEvents().events);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!questions) return null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const answers = Object.fromEntries(questions.map((q) => [q.id, String(data.get(q.id) ?? "")]));
    setPending(true);
    setError(null);
    try {
      const remember = data.get("remember") === "on";
      const response = await fetch(`/api/runs/${runId}/answers`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answers, remember }),
      });
      if (!response.ok)
        setError(
          ((await response.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ??
            "The answer was not taken. Try again.",
        );
    } catch {
      setError("The answer could not be sent. Check the connection and try again.");
    } finally {
      setPending(false);
    }
  };
  // Enter on a focused choice answers, as it would in a text field.
  const enterSubmits = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Enter" && (event.target as HTMLElement).matches("input[type=radio], input[type=checkbox]")) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  return (
    <section className="card question-card" aria-labelledby="question-card-title" data-testid="question-card">
      <h2 id="question-card-title">Which did you mean?</h2>
      <p className="muted">
        The request reads in more than one way. Choose what to build; nothing is built until you answer.
      </p>
      <form onSubmit={submit} onKeyDown={enterSubmits} className="stack">
        {questions.map((question) => (
          <QuestionChoices key={question.id} question={question} />
        ))}
        <label className="choice">
          <input type="checkbox" name="remember" />
          <span>
            Remember my answer for this warehouse{" "}
            <span className="muted choice-reading">
              The same words are then read this way without asking (for everyone once an administrator saved or approved
              it).
            </span>
          </span>
        </label>
        {error && (
          <div className="alert error" role="alert">
            {error}
          </div>
        )}
        <div>
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Sending…" : "Answer and build"}
          </button>
        </div>
      </form>
    </section>
  );
}

function QuestionChoices({ question }: { question: PublicQuestion }) {
  return (
    <fieldset className="question" data-testid="question">
      <legend>{question.text}</legend>
      {question.choices.map((choice, i) => (
        <label key={choice.id} className="choice">
          <input type="radio" name={question.id} value={choice.id} defaultChecked={i === 0} />
          <span>
            <b>{choice.label}</b>
            <span className="muted choice-reading">{choice.reading}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
