"use client";

import { ActionForm, SubmitButton } from "@/app/_components/form-parts";
import type { PipelineParameter } from "@/lib/pipelines/parameters";
import { runPipelineAction } from "../actions";

const inputType = { text: "text", number: "number", date: "date", boolean: "text" } as const;

/** "Run now": the current version with a value for each parameter, its default filled in. */
export function RunNowForm({ pipelineId, parameters }: { pipelineId: string; parameters: PipelineParameter[] }) {
  return (
    <ActionForm action={runPipelineAction}>
      {(_result, pending) => (
        <>
          <input type="hidden" name="pipelineId" value={pipelineId} />
          {parameters.map((p) => (
            <div key={p.name}>
              <label htmlFor={`run-${p.name}`}>
                {p.name} <span className="muted">({p.type})</span>
              </label>
              <input
                id={`run-${p.name}`}
                name={`param.${p.name}`}
                type={inputType[p.type]}
                step={p.type === "number" ? "any" : undefined}
                defaultValue={String(p.default)}
                maxLength={500}
              />
            </div>
          ))}
          <div>
            <SubmitButton pending={pending} pendingLabel="Starting…">
              Run now
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
