import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArtifactStore } from "@/lib/artifacts/current";
import { requirePageUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getEventStore } from "@/lib/events/live";
import { logError } from "@/lib/log/safe-log";
import { getRunForUser } from "@/lib/runs/access";
import { deriveRunView } from "@/lib/runs/run-view";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { getPublishState } from "@/lib/tables/publish-state";
import { CodeBlock } from "./_components/code-block";
import { PublishNotice } from "./_components/publish-notice";
import { RunResult, type ResultQuery } from "./_components/run-result";
import { RunActions } from "./_components/run-actions";
import { LiveRunStatus, RunEventsProvider } from "./_components/run-events";
import { RunLive } from "./_components/run-live";
import { SpecView } from "./_components/spec-view";
import { PlanEditor } from "./_components/plan-editor";
import { RerunRequest } from "./_components/rerun-request";
import { loadPlanEditorData } from "@/lib/review/editor-data";
import { TestsTable } from "./_components/tests-table";
import { findVerificationOfRun } from "@/lib/db/queries/verified-examples";
import { PipelineOfRun } from "./_components/pipeline-of-run";
import { QuestionCard } from "./_components/question-card";
import { NextSteps } from "./_components/next-steps";
import { SavePipelineForm } from "./_components/save-pipeline-form";
import { listParameterSlots } from "@/lib/pipelines/parameters";
import { LineageGraph } from "@/app/_components/lineage-graph";
import { specLineage } from "@/lib/lineage/column-lineage";

export const metadata: Metadata = { title: "Run" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<ResultQuery & { edit?: string }> };

const FINISHED = ["succeeded", "failed", "rejected", "interrupted"];

async function loadRun(id: string, path: string) {
  const user = await requirePageUser(path);
  try {
    return { user, run: await getRunForUser({ id, user }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function RunPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { run, user } = await loadRun(id, `/runs/${id}`);
  const events = await getEventStore().listAfter(id, 0);
  const view = deriveRunView(events);
  // The events hold the spec too: an unreachable artifact store costs the page nothing.
  const savedSpec = await getArtifactStore()
    .get(id, "spec.json")
    .catch((error: unknown) => logError(`spec of run ${id} could not be read`, error));
  const spec = savedSpec ? (JSON.parse(savedSpec.toString("utf8")) as EtlSpec) : view.spec;
  const query = await searchParams;
  // The editor offers the catalog, read only when it shows: a plan in review, or Edit & re-run.
  const editing =
    run.status === "in_review" ? "review" : query.edit !== undefined && FINISHED.includes(run.status) ? "rerun" : null;
  const editor = editing && spec ? await loadPlanEditorData() : null;
  const [published, verification] = await Promise.all([
    getPublishState({ run }),
    findVerificationOfRun({ runId: run.id }),
  ]);
  const duration =
    run.startedAt && run.finishedAt
      ? `${((new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime()) / 1000).toFixed(2)} s`
      : "–";

  return (
    <RunEventsProvider
      runId={run.id}
      initialEvents={events}
      ended={!["queued", "running", "needs_input"].includes(run.status)}
    >
      <div className="stack">
        <div className="run-header">
          <div>
            <Link href="/runs" className="muted">
              ← Runs
            </Link>
            <p className="run-prompt" data-testid="run-prompt">
              {run.prompt}
            </p>
            <div className="facts">
              <span>
                Status <LiveRunStatus status={run.status} />
              </span>
              {run.targetTable && (
                <span>
                  Target{" "}
                  <b>
                    <code>{run.targetSchema ? `${run.targetSchema}.${run.targetTable}` : run.targetTable}</code>
                  </b>
                </span>
              )}
              {verification && (
                <span data-testid="verified">
                  Verified{verification.by ? ` by ${verification.by}` : ""}
                  {verification.approved ? "" : " (for their requests until an administrator approves it)"}
                </span>
              )}
              {run.rowCount !== null && (
                <span>
                  Rows <b>{run.rowCount.toLocaleString("en-US")}</b>
                </span>
              )}
              <span>
                Duration <b>{duration}</b>
              </span>
              {run.pipelineId && <PipelineOfRun run={run} />}
            </div>
          </div>
          <RunActions
            runId={run.id}
            status={run.status}
            canEdit={FINISHED.includes(run.status)}
            canVerify={run.status === "succeeded" && !run.rolledBackAt && verification === null}
            rollBackTarget={published.kind === "current" ? `${run.targetSchema}.${run.targetTable}` : undefined}
          />
        </div>
        {run.error && (
          <div className="alert error" role="alert" data-testid="run-error">
            {run.error}
          </div>
        )}
        {run.status === "rejected" && !spec && editing !== "rerun" && (
          <NextSteps runId={run.id} steps={view.nextSteps} />
        )}
        <PublishNotice
          state={published}
          table={`${run.targetSchema}.${run.targetTable}`}
          canOpen={(userId) => userId === user.id || user.role === "admin"}
        />
        {run.status === "succeeded" && !run.pipelineId && spec && (
          <SavePipelineForm
            runId={run.id}
            target={run.targetTable ?? spec.target.table}
            slots={listParameterSlots(spec).map((slot) => ({
              key: slot.path.join("."),
              label: slot.label,
              value: String(slot.value),
              type: slot.type,
            }))}
          />
        )}
        {editing && spec && editor && (
          <PlanEditor
            runId={run.id}
            mode={editing}
            prompt={run.prompt}
            spec={spec}
            catalog={editor.catalog}
            knownValues={editor.knownValues}
          />
        )}
        {editing === "rerun" && !spec && <RerunRequest runId={run.id} prompt={run.prompt} />}
        <QuestionCard runId={run.id} />
        <RunLive />
        {spec && editing !== "review" && <SpecView spec={spec} notes={view.notes} />}
        {spec && <LineageGraph lineage={specLineage(spec)} />}
        {(view.sql || view.pyspark) && (
          <div className="two-col code-cards">
            {view.sql && <CodeBlock title="SQL (Postgres)" code={view.sql} lang="sql" />}
            {view.pyspark && <CodeBlock title="PySpark (AWS Glue)" code={view.pyspark} lang="python" />}
          </div>
        )}
        {view.rounds.length > 0 && (
          <section className="card">
            <h2>Repairs</h2>
            {view.rounds.map((round) => (
              <div key={round.round} className="stack" style={{ marginBottom: 12 }}>
                <div>
                  <b>Round {round.round}</b> <span className="badge">{round.cause.replaceAll("_", " ")}</span>
                </div>
                <p>{round.diagnosis}</p>
                {round.changes.length > 0 && (
                  <ul className="spec-list">
                    {round.changes.map((c) => (
                      <li key={c.path}>
                        <code>{c.path}</code>: {JSON.stringify(c.before) ?? "–"} →{" "}
                        {JSON.stringify(c.after) ?? "removed"}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </section>
        )}
        {view.tests.length > 0 && <TestsTable tests={view.tests} />}
        {/* Only this run's own version is shown as its result, never a later run's rows. */}
        {published.kind === "current" && <RunResult run={run} spec={spec ?? null} query={query} />}
      </div>
    </RunEventsProvider>
  );
}
