import {
  CreateTableCommand,
  PutItemCommand,
  QueryCommand,
  waitUntilTableExists,
  type AttributeValue,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import type { EventStore, RunEventInput, StoredRunEvent } from "./types";

type Item = Record<string, AttributeValue>;

/** Options of {@link createDynamoDbEventStore}. */
export type DynamoDbEventStoreOptions = {
  client: DynamoDBClient;
  /** A table keyed by `runId` (partition, S) and `seq` (sort, N), as {@link createEventsTable} makes it. */
  tableName: string;
  /** Items read per Query page in `listAfter`; DynamoDB also ends a page at 1 MB. */
  pageSize?: number;
  /** How often `append` tries again after another writer took the seq it wanted. */
  maxAttempts?: number;
};

function toItem(event: StoredRunEvent): Item {
  const item: Item = {
    runId: { S: event.runId },
    seq: { N: String(event.seq) },
    at: { S: event.at },
    agent: { S: event.agent },
    level: { S: event.level },
    message: { S: event.message },
  };
  // A JSON string, not a map: the payload comes back exactly as written, and nothing queries inside it.
  if (event.payload !== undefined) item.payload = { S: JSON.stringify(event.payload) };
  if (event.durationMs !== undefined) item.durationMs = { N: String(event.durationMs) };
  return item;
}

function fromItem(item: Item): StoredRunEvent {
  return {
    runId: item.runId.S!,
    seq: Number(item.seq.N),
    at: item.at.S!,
    agent: item.agent.S as StoredRunEvent["agent"],
    level: item.level.S as StoredRunEvent["level"],
    message: item.message.S!,
    payload: item.payload?.S === undefined ? undefined : JSON.parse(item.payload.S),
    durationMs: item.durationMs?.N === undefined ? undefined : Number(item.durationMs.N),
  };
}

function isConditionFailure(error: unknown): boolean {
  // By name rather than instanceof: a second copy of the SDK in the bundle has its own classes.
  return error instanceof Error && error.name === "ConditionalCheckFailedException";
}

/**
 * The event log in a DynamoDB table. DynamoDB has no sequences or locks, so `append` reads the
 * highest `seq` of the run (strongly consistent) and writes the next one only if that key is
 * still free; a writer that loses the race reads again and retries. Each `seq` is written once,
 * and only after its predecessor exists, so concurrent writers never overwrite or skip.
 */
export function createDynamoDbEventStore({
  client,
  tableName,
  pageSize = 100,
  maxAttempts = 50,
}: DynamoDbEventStoreOptions): EventStore {
  async function lastSeq(runId: string): Promise<number> {
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: "runId = :runId",
        ExpressionAttributeValues: { ":runId": { S: runId } },
        ProjectionExpression: "seq",
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return Items?.[0] ? Number(Items[0].seq.N) : 0;
  }

  return {
    async append(runId, event: RunEventInput) {
      for (let attempt = 1; ; attempt++) {
        const stored: StoredRunEvent = {
          ...event,
          runId,
          seq: (await lastSeq(runId)) + 1,
          at: new Date().toISOString(),
        };
        try {
          await client.send(
            new PutItemCommand({
              TableName: tableName,
              Item: toItem(stored),
              ConditionExpression: "attribute_not_exists(seq)",
            }),
          );
          return stored;
        } catch (error) {
          if (!isConditionFailure(error) || attempt >= maxAttempts) throw error;
          // A little jitter so writers that collided do not collide again on the next seq.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 10) * 5));
        }
      }
    },

    async listAfter(runId, afterSeq) {
      const events: StoredRunEvent[] = [];
      let startKey: Item | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: "runId = :runId AND seq > :after",
            ExpressionAttributeValues: { ":runId": { S: runId }, ":after": { N: String(afterSeq) } },
            ConsistentRead: true,
            Limit: pageSize,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) events.push(fromItem(item));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return events;
    },
  };
}

/**
 * Creates the events table (on-demand billing) and waits until it is usable; a table that
 * already exists is left as it is. For tests and a first deploy outside SST.
 */
export async function createEventsTable({
  client,
  tableName,
}: {
  client: DynamoDBClient;
  tableName: string;
}): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: "runId", AttributeType: "S" },
          { AttributeName: "seq", AttributeType: "N" },
        ],
        KeySchema: [
          { AttributeName: "runId", KeyType: "HASH" },
          { AttributeName: "seq", KeyType: "RANGE" },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === "ResourceInUseException")) throw error;
  }
  await waitUntilTableExists({ client, minDelay: 1, maxWaitTime: 120 }, { TableName: tableName });
}
