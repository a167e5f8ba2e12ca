import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { createEventsTable, createDynamoDbEventStore } from "@/lib/events/dynamodb-store";
import { getLiveHub } from "@/lib/events/live";
import type { StoredRunEvent } from "@/lib/events/types";
import { startLocalDynamoDb, type LocalDynamoDb } from "@/lib/testing/dynalite";
import { startLocalS3, type LocalS3 } from "@/lib/testing/local-s3";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";
import { handler } from "./lambda";

const PROMPT = "Join customers and orders on customer_id, calculate total order amount per customer";
const TABLE = "run-events";
const BUCKET = "run-artifacts";

/**
 * The orchestrator as it runs on AWS, configured only by the variables the SST links become:
 * its events go to DynamoDB (dynalite) and its artifacts to S3 (s3rver), while a live reader in
 * the same process follows the run through the Postgres notifications alone.
 */
describe("orchestrator with the AWS event log and artifact store", () => {
  let h: PipelineHarness;
  let dynamo: LocalDynamoDb;
  let s3: LocalS3;

  beforeAll(async () => {
    [h, dynamo, s3] = await Promise.all([
      createPipelineHarness(testServers()[0]),
      startLocalDynamoDb(),
      startLocalS3([BUCKET]),
    ]);
    await createEventsTable({ client: dynamo.client, tableName: TABLE });
    Object.assign(process.env, {
      DATABASE_URL: h.url,
      DATAMORPH_EVENTS_TABLE: TABLE,
      DATAMORPH_ARTIFACTS_BUCKET: BUCKET,
      // The SDK's own per-service endpoint variables: the product code builds its clients unchanged.
      AWS_ENDPOINT_URL_DYNAMODB: await dynamo.client.config.endpoint!().then(
        (e) => `${e.protocol}//${e.hostname}:${e.port}`,
      ),
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
    });
  });

  afterAll(async () => {
    await closeDb();
    await Promise.all([h?.close(), dynamo?.close(), s3?.close()]);
  });

  it("keeps the events in DynamoDB, the artifacts in S3, and wakes live readers through Postgres", async () => {
    const [run] =
      await h.sql`insert into datamorph.runs (user_id, prompt) select id, ${PROMPT} from datamorph.users limit 1 returning id`;
    const live: StoredRunEvent[] = [];
    const unsubscribe = await getLiveHub().subscribe(run.id, (events) => live.push(...events));

    expect(await handler({ runId: run.id })).toEqual({ runId: run.id, status: "succeeded" });

    const logged = await createDynamoDbEventStore({ client: dynamo.client, tableName: TABLE }).listAfter(run.id, 0);
    expect(logged.map((e) => e.seq)).toEqual(logged.map((_, i) => i + 1));
    expect(logged.at(-1)).toMatchObject({ agent: "orchestrator", payload: { final: true, status: "succeeded" } });
    expect((await h.sql`select count(*)::int as n from datamorph.run_events where run_id = ${run.id}`)[0].n).toBe(0);

    // Every notification reads the events after it; the reader sees each seq, the last one included.
    await expect.poll(() => new Set(live.map((e) => e.seq)).size).toBe(logged.length);
    unsubscribe();

    const artifacts = await h.sql`select kind, uri from datamorph.artifacts where run_id = ${run.id} order by kind`;
    expect(artifacts.map((a) => a.kind)).toEqual(["job.py", "query.sql", "spec.json", "tests.json"]);
    for (const artifact of artifacts) expect(artifact.uri).toBe(`s3://${BUCKET}/runs/${run.id}/${artifact.kind}`);
    const sqlObject = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `runs/${run.id}/query.sql` }));
    expect(await sqlObject.Body!.transformToString()).toMatch(/^select/i);
  });
});
