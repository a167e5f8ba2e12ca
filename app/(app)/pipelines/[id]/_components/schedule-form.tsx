"use client";

import { ActionForm, SubmitButton } from "@/app/_components/form-parts";
import type { PipelineDetails } from "@/lib/pipelines/describe-pipeline";
import { pauseAction, scheduleAction } from "../actions";

/** The schedule: a cron expression in a time zone, what to do after downtime, and pause / resume. */
export function ScheduleForm({ pipelineId, schedule }: { pipelineId: string; schedule: PipelineDetails["schedule"] }) {
  return (
    <div className="stack">
      <ActionForm action={scheduleAction}>
        {(_result, pending) => (
          <>
            <input type="hidden" name="pipelineId" value={pipelineId} />
            <div>
              <label htmlFor="schedule-cron">Cron expression</label>
              <input id="schedule-cron" name="cron" defaultValue={schedule?.cron ?? "0 6 * * *"} maxLength={120} />
              <div className="muted" style={{ fontSize: 13 }}>
                Minute hour day month weekday, e.g. <code>0 6 * * 1-5</code> (weekdays at 06:00); six fields start with
                seconds.
              </div>
            </div>
            <div>
              <label htmlFor="schedule-timezone">Time zone</label>
              <input
                id="schedule-timezone"
                name="timezone"
                defaultValue={schedule?.timezone ?? "UTC"}
                maxLength={100}
              />
            </div>
            <div>
              <label htmlFor="schedule-catch-up">After downtime</label>
              <select id="schedule-catch-up" name="catchUp" defaultValue={schedule?.catchUp ?? "run_once"}>
                <option value="run_once">run missed firings once</option>
                <option value="skip">skip missed firings</option>
              </select>
            </div>
            <div>
              <SubmitButton pending={pending} pendingLabel="Saving…">
                Save schedule
              </SubmitButton>
            </div>
          </>
        )}
      </ActionForm>
      {schedule && (
        <ActionForm action={pauseAction}>
          {(_result, pending) => (
            <>
              <input type="hidden" name="pipelineId" value={pipelineId} />
              <input type="hidden" name="paused" value={schedule.paused ? "false" : "true"} />
              <div>
                <button type="submit" className="button secondary" disabled={pending}>
                  {schedule.paused ? "Resume schedule" : "Pause schedule"}
                </button>
              </div>
            </>
          )}
        </ActionForm>
      )}
    </div>
  );
}
