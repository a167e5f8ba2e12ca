import type { SqlClient } from "@/lib/db/client";

/** A row of `datamorph.run_events`, as Postgres returns it. */
export type RunEventRow = {
  run_id: string;
  seq: number;
  created_at: Date;
  agent: string;
  level: string;
  message: string;
  payload: unknown;
  duration_ms: number | null;
};

export type NewRunEvent = { agent: string; level: string; message: string; payload?: unknown; durationMs?: number };

/**
 * Appends one event to a run's log and returns it. The next `seq` is taken under a per-run
 * advisory lock, so concurrent writers never collide or leave gaps; `channel` is notified with
 * `<runId>:<seq>` in the same transaction, so listeners wake only once the event is visible.
 */
export async function appendRunEvent({
  sql,
  runId,
  event,
  channel,
}: {
  sql: SqlClient;
  runId: string;
  event: NewRunEvent;
  channel: string;
}): Promise<RunEventRow> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${runId}))`;
    const [inserted] = await tx<RunEventRow[]>`
      insert into datamorph.run_events (run_id, seq, agent, level, message, payload, duration_ms)
      select ${runId}, coalesce(max(seq), 0) + 1, ${event.agent}, ${event.level}, ${event.message},
             ${event.payload === undefined ? null : JSON.stringify(event.payload)}::jsonb, ${event.durationMs ?? null}
      from datamorph.run_events where run_id = ${runId}
      returning run_id, seq, created_at, agent, level, message, payload, duration_ms`;
    await tx`select pg_notify(${channel}, ${`${runId}:${inserted.seq}`})`;
    return inserted;
  });
}

/** The events of a run after `afterSeq`, in order. */
export async function listRunEventsAfter({
  sql,
  runId,
  afterSeq,
}: {
  sql: SqlClient;
  runId: string;
  afterSeq: number;
}): Promise<RunEventRow[]> {
  return sql<RunEventRow[]>`
    select run_id, seq, created_at, agent, level, message, payload, duration_ms
    from datamorph.run_events where run_id = ${runId} and seq > ${afterSeq} order by seq`;
}

/** Milliseconds each agent of a run reported, summed by agent. */
export async function sumRunEventDurations({
  sql,
  runId,
}: {
  sql: SqlClient;
  runId: string;
}): Promise<{ agent: string; ms: number }[]> {
  return sql<{ agent: string; ms: number }[]>`
    select agent, coalesce(sum(duration_ms), 0)::int as ms from datamorph.run_events where run_id = ${runId} group by agent`;
}
