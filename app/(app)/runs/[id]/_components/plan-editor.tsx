"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { Catalog } from "@/lib/catalog/types";
import { checkEditedSpec, type PlanIssue } from "@/lib/review/check-plan";
import { addColumn, addFilter, removeClause } from "@/lib/review/edit-plan";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { describeSpec } from "@/lib/spec/plain-sentences";
import { ClauseControls, isEditableClause } from "./clause-controls";

type Props = {
  runId: string;
  /** `review`: Build carries on this run; `rerun`: a new run starts in review from this one. */
  mode: "review" | "rerun";
  prompt: string;
  spec: EtlSpec;
  catalog: Catalog;
  knownValues: Record<string, string[]>;
};

const REMOVABLE = /^(joins|columns|filters|having|orderBy)\.\d+$|^(limit|distinct)$/;

type Answer = { url?: string; error?: { message: string }; issues?: PlanIssue[] };

/**
 * The plan as sentences, each with the words it came from, editable in place with controls that
 * know the catalog. Each edit is checked at once, as any plan is, and a problem shows beside its
 * clause; Build sends the plan, and the server checks it again before anything changes.
 */
export function PlanEditor({ runId, mode, prompt: initialPrompt, spec: planned, catalog, knownValues }: Props) {
  const router = useRouter();
  const [spec, setSpec] = useState(planned);
  const [prompt, setPrompt] = useState(initialPrompt);
  const [open, setOpen] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [serverIssues, setServerIssues] = useState<PlanIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const check = useMemo(
    () => checkEditedSpec(spec, { prompt: planned.prompt, catalog }),
    [spec, planned.prompt, catalog],
  );
  const issues = check.ok ? serverIssues : check.issues;
  const edited = spec !== planned;
  const replanning = mode === "rerun" && prompt.trim() !== initialPrompt.trim();
  const sentences = describeSpec(spec);
  const plannedSentences = useMemo(() => new Map(describeSpec(planned).map((s) => [s.clause, s.sentence])), [planned]);
  const firstColumn =
    spec.sources[0] &&
    catalog.tables.find((t) => t.schema === spec.sources[0].schema && t.name === spec.sources[0].table)?.columns[0];

  const change = (next: EtlSpec) => {
    setSpec(next);
    setServerIssues([]);
    setError(null);
  };

  async function submit() {
    setPending(true);
    setError(null);
    const body = mode === "review" ? { spec } : { prompt, ...(replanning ? {} : { spec }) };
    const response = await fetch(`/api/runs/${runId}/${mode === "review" ? "plan" : "rerun"}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    const answer = (await response?.json().catch(() => ({}))) as Answer | undefined;
    setPending(false);
    if (!response?.ok) {
      setServerIssues(answer?.issues ?? []);
      setError(
        answer?.issues?.length
          ? "The plan cannot be built as edited; nothing was changed. See the marked clauses."
          : (answer?.error?.message ?? "DataMorph could not be reached. Try again."),
      );
      return;
    }
    if (mode === "rerun" && answer?.url) router.push(answer.url);
    else router.refresh();
  }

  const spareIssues = issues.filter((issue) => !sentences.some((s) => s.clause === issue.clause));
  const label =
    mode === "review"
      ? pending
        ? "Building…"
        : "Build"
      : pending
        ? "Starting…"
        : replanning
          ? "Plan the new request"
          : "Review as a new run";
  return (
    <section className="card stack" id="plan-editor" data-testid="plan-editor" aria-labelledby="plan-editor-title">
      <h2 id="plan-editor-title" style={{ margin: 0 }}>
        {mode === "review" ? "Review the plan" : "Edit & re-run"}
      </h2>
      <p className="muted" style={{ margin: 0 }}>
        {mode === "review"
          ? "Nothing is built until you press Build. Change any clause below; each change is checked against the warehouse as you make it."
          : "Start a new run from this one: keep the request to start from this plan (edited below), or change the request to plan it again."}
      </p>
      {mode === "rerun" && (
        <div>
          <label htmlFor="rerun-prompt">Request</label>
          <textarea
            id="rerun-prompt"
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
            maxLength={4000}
          />
          {replanning && (
            <p className="hint muted" role="status">
              The request changed: it will be planned again, and the edits below are left out.
            </p>
          )}
        </div>
      )}
      <ol className="plan-clauses" aria-label="The plan, clause by clause">
        {sentences.map(({ clause, sentence, phrase }) => {
          const problem = issues.find((issue) => issue.clause === clause);
          return (
            <li key={clause} className={problem ? "has-issue" : undefined} data-clause={clause}>
              <div className="plan-clause">
                <div className="plan-sentence">
                  <span>{sentence}</span>
                  {phrase && <span className="phrase"> from “{phrase}”</span>}
                  {plannedSentences.get(clause) !== sentence && <span className="badge changed">changed</span>}
                </div>
                <div className="row plan-clause-actions">
                  {isEditableClause(clause) && (
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open === clause}
                      onClick={() => setOpen(open === clause ? null : clause)}
                    >
                      {open === clause ? "Done" : "Change"}
                    </button>
                  )}
                  {REMOVABLE.test(clause) && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        change(removeClause(spec, clause));
                        setOpen(null);
                      }}
                    >
                      Remove
                    </button>
                  )}
                </div>
              </div>
              {open === clause && (
                <ClauseControls
                  spec={spec}
                  clause={clause}
                  catalog={catalog}
                  knownValues={knownValues}
                  onChange={change}
                />
              )}
              {problem && (
                <div className="field-error" role="alert" data-testid="clause-issue">
                  {problem.message}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {spareIssues.length > 0 && (
        <div className="alert error" role="alert">
          {spareIssues.map((i) => i.message).join(" ")}
        </div>
      )}
      <div className="row">
        {firstColumn && (
          <>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                const next = addFilter(spec, { source: spec.sources[0].alias, column: firstColumn.name });
                change(next);
                setOpen(`filters.${next.filters.length - 1}`);
              }}
            >
              Add a filter
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                const next = addColumn(spec, { source: spec.sources[0].alias, column: firstColumn.name });
                change(next);
                setOpen(`columns.${next.columns.length - 1}`);
              }}
            >
              Add a column
            </button>
          </>
        )}
        {edited && (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              change(planned);
              setOpen(null);
            }}
          >
            Undo all changes
          </button>
        )}
      </div>
      {error && (
        <div className="alert error" role="alert" data-testid="plan-error">
          {error}
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={pending || (!check.ok && !replanning)}
          onClick={submit}
          data-testid="plan-submit"
        >
          {label}
        </button>
        {!check.ok && !replanning && <span className="muted hint">Fix the marked clauses to build.</span>}
      </div>
    </section>
  );
}
