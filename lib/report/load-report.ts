import type { ArtifactStore } from "@/lib/artifacts/store";
import { createDatabase, type SqlClient } from "@/lib/db/client";
import { getRunWithUser } from "@/lib/db/queries/runs";
import { createPostgresEventStore } from "@/lib/events/postgres-store";
import { EtlSpecSchema, type EtlSpec } from "@/lib/spec/etl-spec";
import type { DataTestResult } from "@/lib/validation/types";
import { readResultSample } from "./read-sample";
import { lastCompiled, lastTestResults, plannerResult, remediationRounds, sumAgentTimings } from "./summarize-events";
import type { RunReport } from "./types";

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

async function readText(
  artifacts: ArtifactStore,
  runId: string,
  kind: "spec.json" | "query.sql" | "job.py" | "tests.json",
): Promise<string | null> {
  const content = await artifacts.get(runId, kind);
  return content ? content.toString("utf8") : null;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseSpec(value: unknown): EtlSpec | null {
  const parsed = EtlSpecSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Gathers everything the report of run `runId` shows: the run and its user, the event log, the
 * last spec and code, the data tests, repair rounds and the first rows of the published table.
 * Events are the record; artifacts fill in what events do not hold (the amended spec). Returns
 * null for an unknown run. The caller checks that the user may see it.
 */
export async function loadRunReport({
  sql,
  artifacts,
  runId,
  sampleRows = 20,
}: {
  sql: SqlClient;
  artifacts: ArtifactStore;
  runId: string;
  sampleRows?: number;
}): Promise<RunReport | null> {
  const run = await getRunWithUser({ id: runId, db: createDatabase(sql) });
  if (!run) return null;

  const events = await createPostgresEventStore(sql).listAfter(runId, 0);
  const [specJson, querySql, jobPy, testsJson] = await Promise.all([
    readText(artifacts, runId, "spec.json"),
    readText(artifacts, runId, "query.sql"),
    readText(artifacts, runId, "job.py"),
    readText(artifacts, runId, "tests.json"),
  ]);
  const planned = plannerResult(events);
  const compiled = lastCompiled(events);
  const storedTests = parseJson(testsJson);

  const target = run.targetSchema && run.targetTable ? { schema: run.targetSchema, table: run.targetTable } : null;
  const { sample, note } =
    run.status === "succeeded" && target
      ? await readResultSample(sql, { ...target, limit: sampleRows }).catch((error: unknown) => ({
          sample: null,
          note: `The table could not be read: ${error instanceof Error ? error.message : String(error)}`,
        }))
      : {
          sample: null,
          note:
            run.status === "succeeded"
              ? "The run published no table."
              : "Nothing was published, so there is no result to sample.",
        };

  const startedAt = iso(run.startedAt);
  const finishedAt = iso(run.finishedAt);
  return {
    id: run.id,
    prompt: run.prompt,
    status: run.status,
    user: { email: run.email, name: run.name },
    target,
    rowCount: run.rowCount,
    error: run.error,
    createdAt: iso(run.createdAt)!,
    startedAt,
    finishedAt,
    durationMs: startedAt && finishedAt ? Date.parse(finishedAt) - Date.parse(startedAt) : null,
    agentTimings: sumAgentTimings(events),
    spec: parseSpec(parseJson(specJson)) ?? parseSpec(planned?.spec),
    confidence: planned?.confidence ?? null,
    plannerNotes: planned?.notes ?? [],
    sql: compiled?.sql ?? querySql,
    pyspark: compiled?.pyspark ?? jobPy,
    tests: lastTestResults(events) ?? (Array.isArray(storedTests) ? (storedTests as DataTestResult[]) : []),
    remediations: remediationRounds(events),
    sample,
    sampleNote: note,
    events: events.map(({ seq, at, agent, level, message, durationMs }) => ({
      seq,
      at,
      agent,
      level,
      message,
      durationMs,
    })),
    generatedAt: new Date().toISOString(),
  };
}
