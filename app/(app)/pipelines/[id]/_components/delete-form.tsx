"use client";

import { useState } from "react";
import { ActionForm, SubmitButton } from "@/app/_components/form-parts";
import { deletePipelineAction } from "../actions";

/** "Delete pipeline", behind a confirmation that says what goes and what stays. */
export function DeletePipelineForm({ pipelineId, name }: { pipelineId: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <div>
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          Delete pipeline
        </button>
      </div>
    );
  return (
    <ActionForm action={deletePipelineAction}>
      {(_result, pending) => (
        <div className="alert info stack" role="group" aria-label="Confirm delete">
          <span>
            Delete {name} with its versions and schedule? The runs it made and the tables they built stay; save a run
            again to get a pipeline back.
          </span>
          <input type="hidden" name="pipelineId" value={pipelineId} />
          <div className="row">
            <SubmitButton pending={pending} pendingLabel="Deleting…">
              Yes, delete
            </SubmitButton>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </ActionForm>
  );
}
