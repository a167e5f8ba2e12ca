import { listPipelineRuns, listPipelines } from "@/lib/db/queries/pipelines";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { describePipeline, summarizeRun } from "@/lib/pipelines/describe-pipeline";
import { checkPipelineSources } from "@/lib/pipelines/source-check";
import { describeEdge } from "@/lib/lineage/column-lineage";
import { pipelineTableLineage } from "@/lib/pipelines/table-lineage";
import { getEnv } from "@/lib/env";
import { CliError, formatTable } from "./output";
import { pipelineName, type PipelineContext } from "./pipeline";

const when = (at: Date | string | null | undefined) =>
  at ? new Date(at).toISOString().slice(0, 19).replace("T", " ") : "";

/** `pipeline list [--json]`. */
export async function listPipelinesCommand({ values, user }: PipelineContext): Promise<number> {
  const rows = await listPipelines({ userId: user.id, isAdmin: user.role === "admin" });
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify(rows.map((p) => ({ id: p.id, name: p.name, owner: p.ownerEmail, currentVersion: p.currentVersion, lastRun: p.lastRun ? { runId: p.lastRun.id, status: p.lastRun.status, createdAt: p.lastRun.createdAt } : null, lastSuccessAt: p.lastSuccessAt })))}\n`,
    );
    return 0;
  }
  if (rows.length === 0) {
    process.stdout.write("No pipelines yet: save a succeeded run with pipeline save <runId> --name <name>.\n");
    return 0;
  }
  process.stdout.write(
    formatTable(
      ["pipeline", "version", "last run", "status", "last success", "owner"],
      rows.map((p) => [
        p.name,
        p.currentVersion,
        when(p.lastRun?.createdAt),
        p.lastRun?.status ?? "",
        when(p.lastSuccessAt),
        p.ownerEmail,
      ]),
    ),
  );
  return 0;
}

/** `pipeline show N [--json]`. */
export async function showPipelineCommand(context: PipelineContext): Promise<number> {
  const pipeline = await getPipelineForUser({ ref: pipelineName(context), user: context.user });
  const [details, sources, tables] = await Promise.all([
    describePipeline(pipeline),
    checkPipelineSources(pipeline),
    pipelineTableLineage({ pipeline, user: context.user, targetSchema: getEnv().targetSchema }),
  ]);
  if (context.values.json) {
    process.stdout.write(`${JSON.stringify({ ...details, sources, tables })}\n`);
    return 0;
  }
  const lines = [
    `Pipeline ${details.name} (owner ${details.owner ?? "unknown"}), version ${details.currentVersion} of ${details.versions.length}`,
    `Publishes ${details.targetTable}${details.engine ? ` with ${details.engine}` : ""}`,
    `Parameters: ${details.parameters.map((p) => `${p.name} (${p.type}, default ${JSON.stringify(p.default)})`).join(", ") || "none"}`,
    `Last success: ${when(details.lastSuccessAt) || "never"}`,
    `Sources: ${sources.changes.length === 0 ? "unchanged since this version was saved" : `${sources.breaking ? "CHANGED, the next run will stop: " : "changed in columns it does not read: "}${sources.changes.map((c) => c.description).join("; ")}`}`,
    `Schedule: ${details.schedule ? `"${details.schedule.cron}" in ${details.schedule.timezone}${details.schedule.paused ? ", paused" : `, next firing ${when(details.schedule.nextFireAt)} UTC`} (missed firings: ${details.schedule.catchUp === "skip" ? "skipped" : "run once"})` : "none"}`,
    "",
  ];
  process.stdout.write(lines.join("\n"));
  const edges = details.lineage.columns.flatMap((c) =>
    c.sources.length > 0
      ? c.sources.map((source) => describeEdge(source, c))
      : [`${c.output} (${c.detail ?? c.transformation}, from every row)`],
  );
  process.stdout.write(`Lineage:\n${edges.map((edge) => `  ${edge}`).join("\n")}\n`);
  const upstream = tables.upstream.map((l) => `  ${l.table} ← pipeline ${l.pipeline}`);
  const downstream = tables.downstream.map((l) => `  pipeline ${l.pipeline} reads ${l.table}`);
  process.stdout.write(
    `Upstream:${upstream.length > 0 ? `\n${upstream.join("\n")}` : " none"}\nDownstream:${downstream.length > 0 ? `\n${downstream.join("\n")}` : " none"}\n\n`,
  );
  process.stdout.write(
    formatTable(
      ["version", "saved", "by", "target", "parameters", "note"],
      details.versions.map((v) => [
        v.version,
        when(v.createdAt),
        v.createdBy,
        v.targetTable,
        v.parameters.map((p) => p.name).join(", "),
        v.note,
      ]),
    ),
  );
  for (const v of details.versions)
    if (v.changes)
      process.stdout.write(
        `\nChanges in version ${v.version}:\n${(v.changes.length > 0 ? v.changes : ["none"]).map((c) => `  ${c}`).join("\n")}\n`,
      );
  if (details.runs.length > 0) {
    process.stdout.write("\n");
    process.stdout.write(
      formatTable(
        ["run", "version", "status", "trigger", "started", "rows"],
        details.runs.map((r) => [
          r.runId.slice(0, 8),
          r.version,
          r.rolledBack ? "rolled back" : r.status,
          r.trigger,
          when(r.createdAt),
          r.rowCount,
        ]),
      ),
    );
  }
  return 0;
}

/** `pipeline history N [--limit n] [--json]`. */
export async function pipelineHistoryCommand(context: PipelineContext): Promise<number> {
  const pipeline = await getPipelineForUser({ ref: pipelineName(context), user: context.user });
  const limit = context.values.limit === undefined ? 50 : Number(context.values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new CliError("--limit must be a whole number from 1 to 1000.", 2);
  const runs = (await listPipelineRuns({ pipelineId: pipeline.id, limit })).map(summarizeRun);
  if (context.values.json) {
    process.stdout.write(`${JSON.stringify({ pipeline: pipeline.name, runs })}\n`);
    return 0;
  }
  process.stdout.write(
    formatTable(
      ["run", "version", "status", "trigger", "parameters", "target", "rows", "started"],
      runs.map((r) => [
        r.runId,
        r.version,
        r.rolledBack ? "rolled back" : r.status,
        r.trigger,
        JSON.stringify(r.parameters ?? {}),
        r.target,
        r.rowCount,
        when(r.createdAt),
      ]),
    ),
  );
  return 0;
}
