import type { SqlClient } from "@/lib/db/client";
import type { EventStore, RunEventInput, StoredRunEvent } from "./types";

/** Listeners of this channel learn `<runId>:<seq>` of every new event. */
export const EVENTS_CHANNEL = "datamorph_run_events";

type Row = { run_id: string; seq: number; created_at: Date; agent: string; level: string; message: string; payload: unknown; duration_ms: number | null };

function toEvent(row: Row): StoredRunEvent {
  return {
    runId: row.run_id,
    seq: row.seq,
    at: new Date(row.created_at).toISOString(),
    agent: row.agent as StoredRunEvent["agent"],
    level: row.level as StoredRunEvent["level"],
    message: row.message,
    payload: row.payload ?? undefined,
    durationMs: row.duration_ms ?? undefined,
  };
}

/**
 * The event log in `datamorph.run_events`. The next `seq` is taken under a per-run advisory lock,
 * so concurrent writers never collide or leave gaps, and a NOTIFY in the same transaction wakes
 * live readers only once the event is visible.
 */
export function createPostgresEventStore(sql: SqlClient): EventStore {
  return {
    async append(runId, event: RunEventInput) {
      const row = await sql.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtext(${runId}))`;
        const [inserted] = await tx<Row[]>`
          insert into datamorph.run_events (run_id, seq, agent, level, message, payload, duration_ms)
          select ${runId}, coalesce(max(seq), 0) + 1, ${event.agent}, ${event.level}, ${event.message},
                 ${event.payload === undefined ? null : JSON.stringify(event.payload)}::jsonb, ${event.durationMs ?? null}
          from datamorph.run_events where run_id = ${runId}
          returning run_id, seq, created_at, agent, level, message, payload, duration_ms`;
        await tx`select pg_notify(${EVENTS_CHANNEL}, ${`${runId}:${inserted.seq}`})`;
        return inserted;
      });
      return toEvent(row);
    },
    async listAfter(runId, afterSeq) {
      const rows = await sql<Row[]>`
        select run_id, seq, created_at, agent, level, message, payload, duration_ms
        from datamorph.run_events where run_id = ${runId} and seq > ${afterSeq} order by seq`;
      return rows.map(toEvent);
    },
  };
}
