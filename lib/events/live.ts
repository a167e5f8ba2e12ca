import { getSql } from "@/lib/db";
import { LiveHub } from "./live-hub";
import { createPostgresEventStore } from "./postgres-store";
import type { EventStore } from "./types";

const cache = globalThis as unknown as { datamorphLiveHub?: LiveHub; datamorphEventStore?: EventStore };

/** The process-wide live hub (one LISTEN connection). */
export function getLiveHub(): LiveHub {
  cache.datamorphLiveHub ??= new LiveHub(getSql(), getEventStore());
  return cache.datamorphLiveHub;
}

/** The process-wide event store. */
export function getEventStore(): EventStore {
  cache.datamorphEventStore ??= createPostgresEventStore(getSql());
  return cache.datamorphEventStore;
}
