import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LineageGraph } from "@/app/_components/lineage-graph";
import { RunStatusBadge } from "@/app/_components/run-status-badge";
import { TableScroll } from "@/app/_components/table-scroll";
import { requirePageUser } from "@/lib/auth/session";
import type { Run } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { describePipeline } from "@/lib/pipelines/describe-pipeline";
import { checkPipelineSources } from "@/lib/pipelines/source-check";
import { BackfillForm } from "./_components/backfill-form";
import { DeletePipelineForm } from "./_components/delete-form";
import { RunNowForm } from "./_components/run-now-form";
import { ScheduleForm } from "./_components/schedule-form";
import { EditPipelineForm, type EditSlot } from "./_components/edit-form";
import { listParameterSlots } from "@/lib/pipelines/parameters";
import { renderVersion } from "@/lib/pipelines/render";
import type { PipelineDetails } from "@/lib/pipelines/describe-pipeline";
import { pipelineTableLineage } from "@/lib/pipelines/table-lineage";
import { getEnv } from "@/lib/env";
import { TableLineageCard } from "./_components/table-lineage";

export const metadata: Metadata = { title: "Pipeline" };

type Props = { params: Promise<{ id: string }> };

const when = (at: string | null | undefined) => (at ? at.slice(0, 16).replace("T", " ") : "–");
const values = (parameters: unknown) =>
  Object.entries((parameters ?? {}) as Record<string, unknown>)
    .map(([k, v]) => `${k} = ${String(v)}`)
    .join(", ");

/** The spec's values (defaults filled in), each with the parameter that stands for it now, if any. */
function editSlots(details: PipelineDetails): EditSlot[] {
  const current = { spec: details.spec, parameters: details.parameters, targetTable: details.targetTable };
  const template = details.spec as Record<string, unknown>;
  return listParameterSlots(renderVersion(current).spec).map((slot) => {
    const held = slot.path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], template);
    const parameter = typeof held === "string" ? (/^\{\{\s*([a-z][a-z0-9_]*)\s*\}\}$/.exec(held)?.[1] ?? null) : null;
    return { key: slot.path.join("."), label: slot.label, value: String(slot.value), type: slot.type, parameter };
  });
}

async function loadPipeline(id: string) {
  const user = await requirePageUser(`/pipelines/${id}`);
  try {
    return { user, pipeline: await getPipelineForUser({ ref: id, user }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function PipelinePage({ params }: Props) {
  const { id } = await params;
  const { user, pipeline } = await loadPipeline(id);
  const targetSchema = getEnv().targetSchema;
  const [details, sources, tables] = await Promise.all([
    describePipeline(pipeline, { runLimit: 50 }),
    checkPipelineSources(pipeline),
    pipelineTableLineage({ pipeline, user, targetSchema }),
  ]);
  const dateParameters = details.parameters.filter((p) => p.type === "date").map((p) => p.name);
  return (
    <div className="stack">
      <div>
        <Link href="/pipelines" className="muted">
          ← Pipelines
        </Link>
        <h1 data-testid="pipeline-name">{details.name}</h1>
        <div className="facts">
          <span>
            Version <b>v{details.currentVersion}</b>
          </span>
          <span>
            Target{" "}
            <b>
              <code>{details.targetTable}</code>
            </b>
          </span>
          <span>
            Owner <b>{details.owner}</b>
          </span>
          <span>
            Last success <b>{when(details.lastSuccessAt)}</b>
          </span>
          <span data-testid="pipeline-schedule">
            Schedule{" "}
            <b>
              {details.schedule ? (
                <>
                  <code>{details.schedule.cron}</code> ({details.schedule.timezone})
                  {details.schedule.paused ? ", paused" : `, next ${when(details.schedule.nextFireAt)} UTC`}
                </>
              ) : (
                "none"
              )}
            </b>
          </span>
        </div>
      </div>
      {sources.changes.length > 0 && (
        <div className={`alert ${sources.breaking ? "error" : "info"}`} role="status" data-testid="pipeline-sources">
          {sources.breaking
            ? "The sources changed since this version was saved; the next run will stop before building: "
            : "The sources changed in columns this pipeline does not read: "}
          {sources.changes.map((c) => c.description).join("; ")}.
        </div>
      )}
      <div className="two-col">
        <section className="card" aria-label="Run now">
          <h2>Run now</h2>
          <RunNowForm pipelineId={details.id} parameters={details.parameters} />
        </section>
        <section className="card" aria-label="Parameters">
          <h2>Parameters</h2>
          {details.parameters.length === 0 ? (
            <p className="muted">None: every run builds the same spec.</p>
          ) : (
            <TableScroll label="Parameters">
              <table className="grid" data-testid="pipeline-parameters">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Type</th>
                    <th>Default</th>
                  </tr>
                </thead>
                <tbody>
                  {details.parameters.map((p) => (
                    <tr key={p.name}>
                      <td>
                        <code>{`{{${p.name}}}`}</code>
                      </td>
                      <td>{p.type}</td>
                      <td>
                        <code>{String(p.default)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      </div>
      <div className="two-col">
        <section className="card" aria-label="Schedule">
          <h2>Schedule</h2>
          <ScheduleForm pipelineId={details.id} schedule={details.schedule} />
        </section>
        <section className="card" aria-label="Backfill">
          <h2>Backfill</h2>
          {dateParameters.length > 0 ? (
            <BackfillForm pipelineId={details.id} dateParameters={dateParameters} />
          ) : (
            <p className="muted">A backfill steps a date parameter; this pipeline has none.</p>
          )}
        </section>
      </div>
      {details.firings.length > 0 && (
        <section className="card" aria-label="Firings">
          <h2>Schedule firings</h2>
          <TableScroll label="Schedule firings">
            <table className="grid" data-testid="pipeline-firings">
              <thead>
                <tr>
                  <th>Due</th>
                  <th>Kind</th>
                  <th>Outcome</th>
                  <th>Note</th>
                </tr>
              </thead>
              <tbody>
                {details.firings.map((f) => (
                  <tr key={f.scheduledFor}>
                    <td>
                      {f.runId ? <Link href={`/runs/${f.runId}`}>{when(f.scheduledFor)}</Link> : when(f.scheduledFor)}
                    </td>
                    <td>{f.kind.replace("_", " ")}</td>
                    <td>{f.outcome.replace("_", " ")}</td>
                    <td>{f.message ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
      <section className="card" aria-label="History">
        <h2>History</h2>
        {details.runs.length === 0 ? (
          <div className="empty">Not run yet.</div>
        ) : (
          <TableScroll label="Runs of this pipeline">
            <table className="grid" data-testid="pipeline-history">
              <thead>
                <tr>
                  <th>Run</th>
                  <th>Status</th>
                  <th>Version</th>
                  <th>Trigger</th>
                  <th>Parameters</th>
                  <th>Target</th>
                  <th>Rows</th>
                </tr>
              </thead>
              <tbody>
                {details.runs.map((r) => (
                  <tr key={r.runId}>
                    <td>
                      <Link href={`/runs/${r.runId}`}>{when(r.createdAt)}</Link>
                    </td>
                    <td>
                      {r.rolledBack ? (
                        <span className="badge">rolled back</span>
                      ) : (
                        <RunStatusBadge status={r.status as Run["status"]} />
                      )}
                    </td>
                    <td className="num">v{r.version}</td>
                    <td>{r.trigger}</td>
                    <td>
                      <code>{values(r.parameters)}</code>
                    </td>
                    <td>
                      <code>{r.target ?? "–"}</code>
                    </td>
                    <td className="num">{r.rowCount?.toLocaleString("en-US") ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <LineageGraph lineage={details.lineage} />
      <TableLineageCard lineage={tables} target={`${targetSchema}.${details.targetTable}`} />
      <section className="card" aria-label="Edit">
        <h2>Edit</h2>
        <p className="muted">
          Changing the target or the parameters saves a new version; runs use the newest, and the earlier ones stay
          listed below.
        </p>
        <EditPipelineForm pipelineId={details.id} target={details.targetTable} slots={editSlots(details)} />
      </section>
      <section className="card" aria-label="Versions">
        <h2>Versions</h2>
        <TableScroll label="Versions">
          <table className="grid" data-testid="pipeline-versions">
            <thead>
              <tr>
                <th>Version</th>
                <th>Saved</th>
                <th>By</th>
                <th>Target</th>
                <th>Parameters</th>
                <th>Note</th>
                <th>Changes from the version before</th>
              </tr>
            </thead>
            <tbody>
              {details.versions.map((v) => (
                <tr key={v.version}>
                  <td className="num">
                    v{v.version}
                    {v.version === details.currentVersion ? " (current)" : ""}
                  </td>
                  <td>{when(v.createdAt)}</td>
                  <td>{v.createdBy ?? "–"}</td>
                  <td>
                    <code>{v.targetTable}</code>
                  </td>
                  <td>{v.parameters.map((p) => p.name).join(", ") || "–"}</td>
                  <td>{v.fromRunId ? <Link href={`/runs/${v.fromRunId}`}>{v.note}</Link> : v.note}</td>
                  <td data-testid={`version-changes-${v.version}`}>
                    {v.changes === null ? (
                      <span className="muted">first version</span>
                    ) : v.changes.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      <ul className="changes">
                        {v.changes.map((c) => (
                          <li key={c}>
                            <code>{c}</code>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="card" aria-label="Delete">
        <h2>Delete</h2>
        <DeletePipelineForm pipelineId={details.id} name={details.name} />
      </section>
    </div>
  );
}
