import type { SqlClient } from "@/lib/db/client";
import { appendRunEvent, listRunEventsAfter, type RunEventRow } from "@/lib/db/queries/run-events";
import type { EventStore, RunEventInput, StoredRunEvent } from "./types";

/** Listeners of this channel learn `<runId>:<seq>` of every new event. */
export const EVENTS_CHANNEL = "datamorph_run_events";

function toEvent(row: RunEventRow): StoredRunEvent {
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
 * The event log in `datamorph.run_events` (see `appendRunEvent`: gapless `seq` under concurrent
 * writers, and a NOTIFY on `EVENTS_CHANNEL` that wakes live readers once the event is visible).
 */
export function createPostgresEventStore(sql: SqlClient): EventStore {
  return {
    async append(runId, event: RunEventInput) {
      return toEvent(await appendRunEvent({ sql, runId, event, channel: EVENTS_CHANNEL }));
    },
    async listAfter(runId, afterSeq) {
      return (await listRunEventsAfter({ sql, runId, afterSeq })).map(toEvent);
    },
  };
}
