"use client";

import { useState } from "react";
import { ActionForm, SubmitButton } from "@/app/_components/form-parts";
import { savePipelineAction } from "../actions";

export type SlotChoice = { key: string; label: string; value: string; type: string };

/**
 * "Save as pipeline" on a succeeded run: a name, the target (which may use `{{parameter}}`), and
 * for each filter value or date of the spec an optional parameter name that makes it a parameter.
 */
export function SavePipelineForm({ runId, target, slots }: { runId: string; target: string; slots: SlotChoice[] }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <section className="card row" style={{ justifyContent: "space-between" }}>
        <span className="muted">Build this table again later, on a schedule or with other values.</span>
        <button type="button" className="button secondary" onClick={() => setOpen(true)}>
          Save as pipeline
        </button>
      </section>
    );
  }
  return (
    <section className="card" aria-label="Save as pipeline">
      <h2>Save as pipeline</h2>
      <ActionForm action={savePipelineAction}>
        {(result, pending) => (
          <>
            <input type="hidden" name="runId" value={runId} />
            <div>
              <label htmlFor="pipeline-name">Pipeline name</label>
              <input id="pipeline-name" name="name" maxLength={60} required />
            </div>
            <div>
              <label htmlFor="pipeline-target">Target table</label>
              <input id="pipeline-target" name="target" defaultValue={target} maxLength={100} />
              <div className="muted" style={{ fontSize: 13 }}>
                Use a parameter in the name to get one table per value, e.g. {`${target}_{{country}}`}.
              </div>
            </div>
            {slots.length > 0 && (
              <fieldset className="stack">
                <legend>Parameters: name a value to make it one (leave blank to keep it fixed)</legend>
                {slots.map((slot) => (
                  <div key={slot.key}>
                    <label htmlFor={`param-${slot.key}`}>
                      {slot.label} <code>{slot.value}</code> <span className="muted">({slot.type})</span>
                    </label>
                    <input
                      id={`param-${slot.key}`}
                      name={`param.${slot.key}`}
                      placeholder="e.g. country"
                      maxLength={40}
                    />
                  </div>
                ))}
              </fieldset>
            )}
            {result?.error && result.fieldErrors && (
              <div className="alert error" role="alert">
                {Object.values(result.fieldErrors)[0]}
              </div>
            )}
            <div className="row">
              <SubmitButton pending={pending} pendingLabel="Saving…">
                Save pipeline
              </SubmitButton>
              <button type="button" className="button secondary" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </>
        )}
      </ActionForm>
    </section>
  );
}
