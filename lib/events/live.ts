import { getDynamoDbClient } from "@/lib/aws/clients";
import { getSql } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createDynamoDbEventStore } from "./dynamodb-store";
import { LiveHub } from "./live-hub";
import { withLiveNotify } from "./notifying-store";
import { createPostgresEventStore } from "./postgres-store";
import type { EventStore } from "./types";

const cache = globalThis as unknown as { datamorphLiveHub?: LiveHub; datamorphEventStore?: EventStore };

/** The process-wide live hub (one LISTEN connection). */
export function getLiveHub(): LiveHub {
  cache.datamorphLiveHub ??= new LiveHub(getSql(), getEventStore());
  return cache.datamorphLiveHub;
}

/** The process-wide event store: DynamoDB when an events table is configured (AWS), else Postgres. */
export function getEventStore(): EventStore {
  cache.datamorphEventStore ??= createEventStore();
  return cache.datamorphEventStore;
}

function createEventStore(): EventStore {
  const tableName = getEnv().eventsTable;
  if (!tableName) return createPostgresEventStore(getSql());
  return withLiveNotify(createDynamoDbEventStore({ client: getDynamoDbClient(), tableName }), getSql());
}
