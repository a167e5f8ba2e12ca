"use client";

import { ActionForm, SubmitButton } from "@/app/_components/form-parts";
import { editPipelineAction } from "../actions";

export type EditSlot = { key: string; label: string; value: string; type: string; parameter: string | null };

/** Edit: another target or other parameters make a new version; the earlier ones stay. */
export function EditPipelineForm({
  pipelineId,
  target,
  slots,
}: {
  pipelineId: string;
  target: string;
  slots: EditSlot[];
}) {
  return (
    <ActionForm action={editPipelineAction}>
      {(_result, pending) => (
        <>
          <input type="hidden" name="pipelineId" value={pipelineId} />
          <div>
            <label htmlFor="edit-target">Target table</label>
            <input id="edit-target" name="target" defaultValue={target} maxLength={100} />
          </div>
          {slots.map((slot) => (
            <div key={slot.key}>
              <label htmlFor={`edit-${slot.key}`}>
                Parameter for {slot.label} <code>{slot.value}</code> <span className="muted">({slot.type})</span>
              </label>
              <input
                id={`edit-${slot.key}`}
                name={`param.${slot.key}`}
                defaultValue={slot.parameter ?? ""}
                placeholder="blank: a fixed value"
                maxLength={40}
              />
            </div>
          ))}
          <div>
            <label htmlFor="edit-note">Note</label>
            <input id="edit-note" name="note" placeholder="what changed" maxLength={500} />
          </div>
          <div>
            <SubmitButton pending={pending} pendingLabel="Saving…">
              Save as new version
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
