"use client";

import { useState, type KeyboardEvent } from "react";
import type { EngineRequest } from "@/lib/engines/choose-engine";
import { startRunAction } from "../actions";
import { ActionForm, SubmitButton } from "./form-parts";

const ENGINE_LABELS: Record<EngineRequest, string> = { sql: "SQL", glue: "AWS Glue", auto: "Glue if large" };

const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";
const EXAMPLES = [
  SEED,
  "top 10 customers by total order amount",
  "number of orders per status per month in 2024",
  "average payment amount per payment method",
];

/**
 * The request box: a plain-English description of a table, with examples to start from. Where
 * AWS Glue is configured (`defaultEngine` given), the run's build engine can be chosen too.
 */
export function PromptForm({ defaultEngine }: { defaultEngine?: EngineRequest }) {
  const [prompt, setPrompt] = useState("");
  // Ctrl+Enter (Cmd+Enter on a Mac) builds, as in the SQL console; Enter alone starts a new line.
  const submitOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  };
  return (
    <ActionForm action={startRunAction}>
      {(result, pending) => (
        <>
          <div>
            <label htmlFor="prompt">Describe the table you want</label>
            <textarea
              id="prompt"
              name="prompt"
              value={prompt}
              onChange={(event) => setPrompt(event.target.value)}
              onKeyDown={submitOnCtrlEnter}
              aria-describedby="prompt-keys"
              placeholder={SEED}
              maxLength={4000}
              aria-invalid={result?.fieldErrors?.prompt ? true : undefined}
            />
            {result?.fieldErrors?.prompt && (
              <div className="field-error" role="alert">
                {result.fieldErrors.prompt}
              </div>
            )}
          </div>
          <div className="row examples">
            <span className="muted">Try:</span>
            {EXAMPLES.map((example) => (
              <button key={example} type="button" className="chip" onClick={() => setPrompt(example)}>
                {example}
              </button>
            ))}
          </div>
          <div className="row">
            <input
              name="target"
              placeholder="target table (optional)"
              aria-label="Target table (optional)"
              className="target-input"
              maxLength={63}
            />
            <label className="checkbox inline">
              <input type="checkbox" name="replace" /> Replace the existing table
            </label>
            <label className="checkbox inline">
              <input type="checkbox" name="review" /> Review the plan first
            </label>
            {defaultEngine && (
              <select name="engine" aria-label="Build engine" defaultValue="" className="engine-select">
                <option value="">Engine: default ({ENGINE_LABELS[defaultEngine]})</option>
                {Object.entries(ENGINE_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
            <SubmitButton pending={pending} pendingLabel="Starting…">
              Build table
            </SubmitButton>
            <span className="muted hint" id="prompt-keys">
              or Ctrl+Enter (⌘+Enter on a Mac)
            </span>
          </div>
          {result?.fieldErrors?.target && (
            <div className="field-error" role="alert">
              {result.fieldErrors.target}
            </div>
          )}
          {result?.fieldErrors?.engine && (
            <div className="field-error" role="alert">
              {result.fieldErrors.engine}
            </div>
          )}
        </>
      )}
    </ActionForm>
  );
}
