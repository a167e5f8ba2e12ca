"use client";

import { ActionForm, SubmitButton } from "@/app/_components/form-parts";
import { backfillAction } from "../actions";

/** Backfill: one run per day, week or month of a date parameter, oldest first. */
export function BackfillForm({ pipelineId, dateParameters }: { pipelineId: string; dateParameters: string[] }) {
  return (
    <ActionForm action={backfillAction}>
      {(_result, pending) => (
        <>
          <input type="hidden" name="pipelineId" value={pipelineId} />
          <div>
            <label htmlFor="backfill-parameter">Date parameter</label>
            <select id="backfill-parameter" name="parameter">
              {dateParameters.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="row">
            <div>
              <label htmlFor="backfill-from">From</label>
              <input id="backfill-from" name="from" type="date" required />
            </div>
            <div>
              <label htmlFor="backfill-to">To</label>
              <input id="backfill-to" name="to" type="date" required />
            </div>
            <div>
              <label htmlFor="backfill-every">Every</label>
              <select id="backfill-every" name="every" defaultValue="month">
                <option value="day">day</option>
                <option value="week">week</option>
                <option value="month">month</option>
              </select>
            </div>
          </div>
          <div>
            <SubmitButton pending={pending} pendingLabel="Starting…">
              Backfill
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
