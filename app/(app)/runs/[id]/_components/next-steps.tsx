"use client";

import Link from "next/link";
import { ActionForm } from "@/app/_components/form-parts";
import { startRunAction } from "@/app/actions";
import type { NextStep } from "@/lib/planner/next-steps";

/**
 * Where a refused request can go next: requests DataMorph reads (each planned before it is
 * offered), one click each to build, and the request itself to edit.
 */
export function NextSteps({ runId, steps }: { runId: string; steps: NextStep[] }) {
  return (
    <section className="card stack" aria-labelledby="next-steps-title" data-testid="next-steps">
      <h2 id="next-steps-title" style={{ margin: 0 }}>
        What to try next
      </h2>
      {steps.length > 0 && (
        <ul className="next-steps">
          {steps.map((step) => (
            <li key={step.prompt}>
              <ActionForm action={startRunAction}>
                {(_result, pending) => (
                  <div className="row">
                    <input type="hidden" name="prompt" value={step.prompt} />
                    <button type="submit" className="button secondary" disabled={pending}>
                      {pending ? "Starting…" : `Build “${step.prompt}”`}
                    </button>
                    <span className="muted">{step.why}</span>
                  </div>
                )}
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <p className="muted" style={{ margin: 0 }}>
        Or <Link href={`/runs/${runId}?edit#plan-editor`}>edit the request</Link>: name the table and columns as the
        catalog calls them (see <Link href="/model">the model</Link>).
      </p>
    </section>
  );
}
