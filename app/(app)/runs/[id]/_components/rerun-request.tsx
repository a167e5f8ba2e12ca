"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Edit & re-run of a run that has no plan (it was refused): the request, to plan again and review. */
export function RerunRequest({ runId, prompt: initialPrompt }: { runId: string; prompt: string }) {
  const router = useRouter();
  const [prompt, setPrompt] = useState(initialPrompt);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    setPending(true);
    const response = await fetch(`/api/runs/${runId}/rerun`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ prompt }),
    }).catch(() => null);
    const answer = (await response?.json().catch(() => ({}))) as
      | { url?: string; error?: { message: string } }
      | undefined;
    setPending(false);
    if (response?.ok && answer?.url) router.push(answer.url);
    else setError(answer?.error?.message ?? "DataMorph could not be reached. Try again.");
  }
  return (
    <section className="card stack" id="plan-editor" data-testid="plan-editor" aria-labelledby="rerun-title">
      <h2 id="rerun-title" style={{ margin: 0 }}>
        Edit & re-run
      </h2>
      <p className="muted" style={{ margin: 0 }}>
        This run has no plan to start from: change the request, and the new run stops for review once it is planned.
      </p>
      <div>
        <label htmlFor="rerun-prompt">Request</label>
        <textarea
          id="rerun-prompt"
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          maxLength={4000}
        />
      </div>
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={pending || !prompt.trim()}
          onClick={submit}
          data-testid="plan-submit"
        >
          {pending ? "Starting…" : "Plan the request"}
        </button>
      </div>
    </section>
  );
}
