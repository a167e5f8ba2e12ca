import type { SqlClient } from "@/lib/db/client";
import { EVENTS_CHANNEL } from "./postgres-store";
import type { EventStore } from "./types";

/**
 * Wakes live readers for a log kept outside Postgres (DynamoDB on AWS): after each append, the
 * same `<runId>:<seq>` NOTIFY the Postgres log sends. Readers then fetch only the new events, so
 * SSE tails the DynamoDB log without polling it.
 */
export function withLiveNotify(store: EventStore, sql: SqlClient): EventStore {
  return {
    ...store,
    async append(runId, event) {
      const stored = await store.append(runId, event);
      await sql`select pg_notify(${EVENTS_CHANNEL}, ${`${runId}:${stored.seq}`})`;
      return stored;
    },
  };
}
