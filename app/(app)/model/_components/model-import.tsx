"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";

type ImportState =
  | { status: "idle" }
  | { status: "sending" }
  | { status: "done"; version: number; ignored?: string }
  | { status: "error"; message: string; problems: string[] };

type ImportAnswer = { version?: number; ignored?: string; error?: { message?: string; problems?: string[] } };

/** Loads an edited model file (YAML) as the warehouse's current model; every problem is listed. */
export function ModelImport() {
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ status: "idle" });
  const busy = state.status === "sending";

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file)
      return setState({
        status: "error",
        message: "Choose the YAML file to load: download the model, edit it, then choose it here.",
        problems: [],
      });
    setState({ status: "sending" });
    try {
      const response = await fetch("/api/model", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ yaml: await file.text() }),
      });
      const answer = (await response.json().catch(() => ({}))) as ImportAnswer;
      if (!response.ok || answer.version === undefined) {
        const problems = answer.error?.problems ?? [];
        return setState({
          status: "error",
          message:
            problems.length > 0
              ? "The model file was not loaded; fix these and load it again:"
              : (answer.error?.message ?? `The model could not be loaded (HTTP ${response.status}).`),
          problems,
        });
      }
      setState({ status: "done", version: answer.version, ignored: answer.ignored });
      router.refresh();
    } catch {
      setState({
        status: "error",
        message: "The model could not be sent: check the connection and try again.",
        problems: [],
      });
    }
  };

  return (
    <section className="card stack" aria-labelledby="model-import-title">
      <div>
        <h2 id="model-import-title">Load an edited model</h2>
        <p className="muted">
          Add synonyms, rename entities or fix a default aggregate in the YAML, then load it. Every table and column it
          names must exist. It stays current until the catalog changes.
        </p>
      </div>
      <form onSubmit={submit} className="upload-form">
        <div>
          <label htmlFor="model-file">Model file (YAML)</label>
          <input
            id="model-file"
            ref={fileInput}
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            disabled={busy}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Loading…" : "Load model"}
        </button>
      </form>
      {state.status === "done" && (
        <div className="alert ok" role="status">
          Loaded as version {state.version}.{state.ignored && <> {state.ignored}</>}
        </div>
      )}
      {state.status === "error" && (
        <div className="alert error" role="alert">
          {state.message}
          {state.problems.length > 0 && (
            <ul>
              {state.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
