import { randomBytes } from "node:crypto";
import { HeadObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalS3, type LocalS3 } from "@/lib/testing/local-s3";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";
import { createS3ArtifactStore } from "./s3-store";
import type { ArtifactStore } from "./store";

const BUCKET = "datamorph-artifacts";
const PREFIX = "stage-a/";

describe("S3 artifact store (local S3 server)", () => {
  let h: PipelineHarness;
  let s3: LocalS3;
  let client: S3Client;
  let store: ArtifactStore;

  beforeAll(async () => {
    s3 = await startLocalS3([BUCKET]);
    client = s3.client;
    h = await createPipelineHarness(testServers()[0], { demo: false });
    store = createS3ArtifactStore({ sql: h.sql, client, bucket: BUCKET, prefix: PREFIX });
  });
  afterAll(async () => {
    await s3?.close();
    await h?.close();
  });

  async function createRun(): Promise<string> {
    const [run] =
      await h.sql`insert into datamorph.runs (user_id, prompt) select id, 'x' from datamorph.users limit 1 returning id`;
    return run.id as string;
  }

  async function indexRows(runId: string) {
    return h.sql`select kind, uri, bytes, content_type from datamorph.artifacts where run_id = ${runId} order by kind`;
  }

  it("reads back the text it stored, at the key under the prefix", async () => {
    const runId = await createRun();
    const spec = JSON.stringify({ target: "customer_totals", note: "café ✓" });
    const { uri } = await store.put(runId, "spec.json", spec);
    expect(uri).toBe(`s3://${BUCKET}/${PREFIX}runs/${runId}/spec.json`);
    expect((await store.get(runId, "spec.json"))?.toString("utf8")).toBe(spec);
  });

  it("reads back a 6 MiB binary byte for byte", async () => {
    const runId = await createRun();
    const pdf = randomBytes(6 * 1024 * 1024);
    await store.put(runId, "report.pdf", pdf);
    const back = await store.get(runId, "report.pdf");
    expect(back?.byteLength).toBe(pdf.byteLength);
    expect(back?.equals(pdf)).toBe(true);
    expect(await indexRows(runId)).toEqual([
      {
        kind: "report.pdf",
        uri: `s3://${BUCKET}/${PREFIX}runs/${runId}/report.pdf`,
        bytes: pdf.byteLength,
        content_type: "application/pdf",
      },
    ]);
  });

  it("indexes each artifact with its uri, size in bytes and content type", async () => {
    const runId = await createRun();
    const sqlText = "select 'é' as accent -- two bytes in UTF-8\n";
    await store.put(runId, "query.sql", sqlText);
    await store.put(runId, "job.py", "print('ok')\n");
    expect(await indexRows(runId)).toEqual([
      { kind: "job.py", uri: `s3://${BUCKET}/${PREFIX}runs/${runId}/job.py`, bytes: 12, content_type: "text/x-python" },
      {
        kind: "query.sql",
        uri: `s3://${BUCKET}/${PREFIX}runs/${runId}/query.sql`,
        bytes: Buffer.byteLength(sqlText),
        content_type: "application/sql",
      },
    ]);
    expect(Buffer.byteLength(sqlText)).toBe(sqlText.length + 1);
  });

  it("replaces an artifact written again under the same kind", async () => {
    const runId = await createRun();
    await store.put(runId, "tests.json", JSON.stringify({ tests: ["first", "second", "third"] }));
    const second = JSON.stringify({ tests: ["only"] });
    await store.put(runId, "tests.json", second);
    expect((await store.get(runId, "tests.json"))?.toString("utf8")).toBe(second);
    const rows = await indexRows(runId);
    expect(rows).toHaveLength(1);
    expect(rows[0].bytes).toBe(Buffer.byteLength(second));
  });

  it("returns null for an artifact that was never stored", async () => {
    const runId = await createRun();
    await store.put(runId, "spec.json", "{}");
    expect(await store.get(runId, "report.pdf")).toBeNull();
    expect(await store.get(await createRun(), "spec.json")).toBeNull();
  });

  it("sets the content type of its kind on the object", async () => {
    const runId = await createRun();
    await store.put(runId, "job.py", "print('ok')\n");
    await store.put(runId, "report.pdf", Buffer.from("%PDF-1.7\n"));
    const head = (kind: string) =>
      client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}runs/${runId}/${kind}` }));
    expect((await head("job.py")).ContentType).toBe("text/x-python");
    expect((await head("report.pdf")).ContentType).toBe("application/pdf");
  });

  it("says which bucket and what to check when a write fails, and indexes nothing", async () => {
    const runId = await createRun();
    const missing = createS3ArtifactStore({ sql: h.sql, client, bucket: "no-such-bucket" });
    await expect(missing.put(runId, "spec.json", "{}")).rejects.toThrow(
      /spec\.json could not be stored in S3 \(s3:\/\/no-such-bucket\/runs\/.*\/spec\.json\): .*Check the AWS region, the credentials and the bucket's permissions/,
    );
    expect(await indexRows(runId)).toHaveLength(0);
  });
});
