import { getUserEmail } from "@/lib/db/queries/tables";
import { listPipelineRuns, listPipelineVersions, type PipelineRunItem } from "@/lib/db/queries/pipelines";
import { listPipelineFirings } from "@/lib/db/queries/pipeline-schedules";
import type { Pipeline } from "@/lib/db/schema";
import type { PipelineParameter } from "./parameters";
import { renderVersion, versionParameters } from "./render";
import { versionChanges } from "./version-diff";
import { specLineage, type SpecLineage } from "@/lib/lineage/column-lineage";

/** One version as people and scripts see it. */
export type VersionSummary = {
  version: number;
  createdAt: string;
  createdBy: string | null;
  note: string | null;
  targetTable: string;
  engine: string | null;
  parameters: PipelineParameter[];
  fromRunId: string | null;
  spec: unknown;
  /** What changed from the version before it, one line per change; null for the first version. */
  changes: string[] | null;
};

/** A pipeline with its versions and latest runs: what `pipeline show --json` and the API answer. */
export type PipelineDetails = {
  id: string;
  name: string;
  owner: string | null;
  currentVersion: number;
  targetTable: string;
  engine: string | null;
  parameters: PipelineParameter[];
  spec: unknown;
  versions: VersionSummary[];
  runs: RunSummary[];
  lastSuccessAt: string | null;
  /** The cron schedule, if one is set; `nextFireAt` is null while paused. */
  schedule: { cron: string; timezone: string; paused: boolean; catchUp: string; nextFireAt: string | null } | null;
  /** Column-level lineage of the current version (its spec with the parameters' defaults). */
  lineage: SpecLineage;
  firings: { scheduledFor: string; kind: string; outcome: string; runId: string | null; message: string | null }[];
  createdAt: string;
};

export type RunSummary = {
  runId: string;
  version: number | null;
  status: string;
  rolledBack: boolean;
  trigger: string | null;
  parameters: unknown;
  target: string | null;
  rowCount: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** A pipeline run in the shape `pipeline history --json` prints. */
export function summarizeRun(run: PipelineRunItem): RunSummary {
  return {
    runId: run.id,
    version: run.version,
    status: run.status,
    rolledBack: run.rolledBackAt !== null,
    trigger: run.trigger,
    parameters: run.parameters,
    target: run.targetTable ? `${run.targetSchema ?? "public"}.${run.targetTable}` : null,
    rowCount: run.rowCount,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** Everything about `pipeline` a page, the API or the CLI shows; `runLimit` of its latest runs. */
export async function describePipeline(pipeline: Pipeline, { runLimit = 10 } = {}): Promise<PipelineDetails> {
  const [versions, runs, owner, firings] = await Promise.all([
    listPipelineVersions({ pipelineId: pipeline.id }),
    listPipelineRuns({ pipelineId: pipeline.id, limit: runLimit }),
    getUserEmail({ id: pipeline.userId }),
    listPipelineFirings({ pipelineId: pipeline.id, limit: 20 }),
  ]);
  const summaries: VersionSummary[] = versions.map((v) => ({
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdByEmail,
    note: v.note,
    targetTable: v.targetTable,
    engine: v.engine,
    parameters: versionParameters(v),
    fromRunId: v.fromRunId,
    spec: v.spec,
    changes: null,
  }));
  // Newest first: each version is compared with the one saved before it.
  for (const [i, v] of summaries.entries()) if (summaries[i + 1]) v.changes = versionChanges(summaries[i + 1], v);
  const current = summaries.find((v) => v.version === pipeline.currentVersion) ?? summaries[0];
  const lastSuccess = runs.find((r) => r.status === "succeeded");
  return {
    id: pipeline.id,
    name: pipeline.name,
    owner,
    currentVersion: pipeline.currentVersion,
    targetTable: current.targetTable,
    engine: current.engine,
    parameters: current.parameters,
    spec: current.spec,
    versions: summaries,
    runs: runs.map(summarizeRun),
    lastSuccessAt: lastSuccess?.finishedAt?.toISOString() ?? null,
    schedule: pipeline.cron
      ? {
          cron: pipeline.cron,
          timezone: pipeline.timezone,
          paused: pipeline.paused,
          catchUp: pipeline.catchUp,
          nextFireAt: pipeline.paused ? null : (pipeline.nextFireAt?.toISOString() ?? null),
        }
      : null,
    lineage: specLineage(
      renderVersion(versions.find((v) => v.version === pipeline.currentVersion) ?? versions[0]).spec,
    ),
    firings: firings.map((f) => ({
      scheduledFor: f.scheduledFor.toISOString(),
      kind: f.kind,
      outcome: f.outcome,
      runId: f.runId,
      message: f.message,
    })),
    createdAt: pipeline.createdAt.toISOString(),
  };
}
