import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createS3ArtifactStore } from "@/lib/artifacts/s3-store";
import type { ArtifactStore } from "@/lib/artifacts/store";
import { createGlueEngine, type GlueEngine } from "@/lib/engines/glue-engine";
import { startLocalGlue, type LocalGlue, type LocalGlueRun } from "@/lib/testing/local-glue";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";

type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: object) => S3rverServer;

const BUCKET = "datamorph-artifacts";
const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";
const EXPECTED =
  "select c.customer_id, sum(o.amount) from customers c join orders o on o.customer_id = c.customer_id group by c.customer_id";

describe("runs built with AWS Glue (local Glue endpoint, local S3)", () => {
  let h: PipelineHarness;
  let s3rver: S3rverServer;
  let s3dir: string;
  let s3: S3Client;
  let glue: LocalGlue;
  let engine: GlueEngine;
  let artifacts: ArtifactStore;

  async function readS3(uri: string): Promise<string> {
    const [, bucket, key] = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri)!;
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return object.Body!.transformToString();
  }

  // Stands in for the job's Spark, which cannot run here: reads the run's script from S3 as Glue
  // would, then builds --TARGET_TABLE in --DATABASE from the same run's compiled SQL, which
  // yields the rows the PySpark would.
  async function sparkFromCompiledSql(run: LocalGlueRun): Promise<void> {
    const script = await readS3(run.arguments["--scriptLocation"]);
    if (!script.includes('glue_context.extract_jdbc_conf(args["CONNECTION_NAME"])'))
      throw new Error("script does not read the Glue connection");
    const [{ database }] = await h.sql`select current_database() as database`;
    if (run.arguments["--DATABASE"] !== database)
      throw new Error(`FATAL: database "${run.arguments["--DATABASE"]}" does not exist`);
    const select = await readS3(run.arguments["--scriptLocation"].replace(/job\.py$/, "query.sql"));
    await h.sql.unsafe(`create table ${run.arguments["--TARGET_TABLE"]} as\n${select}`);
  }

  beforeAll(async () => {
    s3dir = mkdtempSync(path.join(tmpdir(), "datamorph-s3-"));
    s3rver = new S3rver({
      port: 0,
      address: "127.0.0.1",
      silent: true,
      directory: s3dir,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await s3rver.run();
    s3 = new S3Client({
      endpoint: `http://127.0.0.1:${port}`,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    h = await createPipelineHarness(testServers()[0]);
    artifacts = createS3ArtifactStore({ sql: h.sql, client: s3, bucket: BUCKET });
    glue = await startLocalGlue();
    engine = createGlueEngine({
      client: glue.client(),
      roleArn: "arn:aws:iam::123456789012:role/datamorph-glue",
      connectionName: "warehouse-rds",
      pollMs: { initial: 5, max: 40 },
    });
  });
  afterAll(async () => {
    await glue?.close();
    s3?.destroy();
    await s3rver?.close();
    await h?.close();
    if (s3dir) rmSync(s3dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    glue.requests.length = 0;
    glue.setSpark(sparkFromCompiledSql);
  });

  const events = async (runId: string) =>
    h.sql<
      { agent: string; level: string; message: string }[]
    >`select agent, level, message from datamorph.run_events where run_id = ${runId} order by seq`;

  it("builds the shadow with a Glue job, tests it and publishes it, streaming the job's states", async () => {
    const outcome = await h.run(
      SEED,
      { engine: "glue", targetTable: "glue_customer_totals" },
      { glue: engine, artifacts },
    );
    expect(outcome.status, outcome.error).toBe("succeeded");
    expect(outcome.rowCount).toBe(4800);
    const published = "select customer_id, total_order_amount from glue_customer_totals";
    expect(await h.sql.unsafe(`(${published} except ${EXPECTED}) union all (${EXPECTED} except ${published})`)).toEqual(
      [],
    );
    const log = await events(outcome.runId);
    expect(log).toContainEqual({
      agent: "orchestrator",
      level: "info",
      message: "Building with AWS Glue: the run asks for Glue",
    });
    const glueStates = log
      .filter((e) => e.message.startsWith("Glue job run"))
      .map((e) => e.message.replace(/jr_[0-9a-f]+/, "jr_…"));
    expect(glueStates).toEqual([
      "Glue job run jr_… STARTING",
      "Glue job run jr_… RUNNING",
      "Glue job run jr_… SUCCEEDED",
    ]);
    expect(log.find((e) => e.agent === "executor" && e.level === "success")?.message).toMatch(
      /^Built public\.glue_customer_totals__shadow_\w+_0: 4,800 rows$/,
    );
    expect(glue.operations().filter((o) => o !== "GetJobRun")).toEqual(["GetJob", "CreateJob", "StartJobRun"]);
  });

  it("fails the run with Glue's error when the job fails, leaving the target as it was and no shadow behind", async () => {
    const before = await h.sql`select customer_id, total_order_amount from glue_customer_totals order by customer_id`;
    const tables = await h.tables();
    glue.setSpark(async (run) => {
      // A job that wrote part of its table before it died.
      await h.sql.unsafe(
        `create table ${run.arguments["--TARGET_TABLE"]} as select customer_id from customers limit 10`,
      );
      throw new Error(
        "An error occurred while calling o112.save. org.postgresql.util.PSQLException: ERROR: could not extend file: No space left on device",
      );
    });
    const outcome = await h.run(
      SEED,
      { engine: "glue", targetTable: "glue_customer_totals", replace: true },
      { glue: engine, artifacts },
    );
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(
      /^Glue job run jr_\w+ of datamorph-public-glue_customer_totals FAILED: An error occurred while calling o112\.save\..*No space left on device$/,
    );
    expect(await h.sql`select customer_id, total_order_amount from glue_customer_totals order by customer_id`).toEqual(
      before,
    );
    expect(await h.tables()).toEqual(tables);
    const log = await events(outcome.runId);
    expect(log.filter((e) => e.agent === "executor" && e.level === "error").map((e) => e.message)).toEqual([
      expect.stringMatching(/^Glue job run jr_\w+ FAILED: An error occurred while calling o112\.save/),
    ]);
    expect(glue.operations()).toContain("UpdateJob");
  });

  it("auto: builds in Postgres below the configured source size (5,000 + 100,000 rows here) and with Glue from it", async () => {
    const small = await h.run(
      SEED,
      { engine: "auto", glueMinSourceRows: 105_001, targetTable: "auto_small" },
      { glue: engine, artifacts },
    );
    expect(small.status, small.error).toBe("succeeded");
    expect(glue.requests).toHaveLength(0);
    expect((await events(small.runId)).map((e) => e.message)).toContain(
      "Building with SQL in Postgres: 105,000 source rows, below the Glue threshold of 105,001",
    );

    const large = await h.run(
      SEED,
      { engine: "auto", glueMinSourceRows: 105_000, targetTable: "auto_large" },
      { glue: engine, artifacts },
    );
    expect(large.status, large.error).toBe("succeeded");
    expect(glue.operations()).toContain("StartJobRun");
    expect((await events(large.runId)).map((e) => e.message)).toContain(
      "Building with AWS Glue: 105,000 source rows, at least the Glue threshold of 105,000",
    );
  });

  it("fails a run that asks for Glue where Glue is not configured, naming what to set", async () => {
    const outcome = await h.run(SEED, { engine: "glue", targetTable: "no_glue_here" }, { artifacts });
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/asks for the AWS Glue engine, but Glue is not configured.*DATAMORPH_GLUE_ROLE_ARN/);
    expect(await h.tables()).not.toContain("no_glue_here");
  });
});
