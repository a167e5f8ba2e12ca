import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocalGlue, type LocalGlue } from "@/lib/testing/local-glue";
import { createGlueEngine, type GlueBuildRequest, type GlueEngineSettings, type GlueRunUpdate } from "./glue-engine";

const ROLE = "arn:aws:iam::123456789012:role/datamorph-glue";
const SCRIPT = "s3://datamorph-artifacts/runs/5b0e8a43-3f7c-4d2e-9a61-0c2f5e7d9b10/job.py";

describe("Glue engine (local Glue endpoint)", () => {
  let glue: LocalGlue;
  beforeAll(async () => {
    glue = await startLocalGlue();
  });
  afterAll(async () => glue?.close());
  beforeEach(() => {
    glue.requests.length = 0;
    glue.setSpark(async () => {});
  });

  const engine = (settings: Partial<GlueEngineSettings> = {}) =>
    createGlueEngine({
      client: glue.client(),
      roleArn: ROLE,
      connectionName: "warehouse-rds",
      pollMs: { initial: 5, max: 20 },
      ...settings,
    });
  const request = (overrides: Partial<GlueBuildRequest> = {}): GlueBuildRequest => ({
    runId: "5b0e8a43-3f7c-4d2e-9a61-0c2f5e7d9b10",
    round: 0,
    scriptUri: SCRIPT,
    database: "warehouse",
    schema: "analytics",
    target: "customer_totals",
    shadow: "customer_totals__shadow_5b0e8a43_0",
    ...overrides,
  });
  const bodies = (operation: string) => glue.requests.filter((r) => r.operation === operation).map((r) => r.body);

  it("creates the target's job with the configured settings, then starts a signed run of the run's own script", async () => {
    const result = await engine().buildShadow(request({ target: "Customer Totals!" }));
    expect(glue.operations().slice(0, 3)).toEqual(["GetJob", "CreateJob", "StartJobRun"]);
    expect(result).toMatchObject({
      jobName: "datamorph-analytics-Customer-Totals-",
      job: "created",
      jobRunId: expect.stringMatching(/^jr_[0-9a-f]{64}$/),
    });
    expect(bodies("CreateJob")[0]).toMatchObject({
      Name: "datamorph-analytics-Customer-Totals-",
      Role: ROLE,
      Command: { Name: "glueetl", ScriptLocation: SCRIPT, PythonVersion: "3" },
      GlueVersion: "5.0",
      WorkerType: "G.1X",
      NumberOfWorkers: 2,
      Timeout: 30,
      MaxRetries: 0,
      Connections: { Connections: ["warehouse-rds"] },
      DefaultArguments: {
        "--job-bookmark-option": "job-bookmark-disable",
        "--enable-continuous-cloudwatch-log": "true",
      },
    });
    expect(bodies("StartJobRun")[0]).toEqual({
      JobName: "datamorph-analytics-Customer-Totals-",
      Arguments: {
        "--scriptLocation": SCRIPT,
        "--CONNECTION_NAME": "warehouse-rds",
        "--DATABASE": "warehouse",
        "--TARGET_TABLE": '"analytics"."customer_totals__shadow_5b0e8a43_0"',
        "--DATAMORPH_RUN_ID": "5b0e8a43-3f7c-4d2e-9a61-0c2f5e7d9b10",
        "--DATAMORPH_ROUND": "0",
      },
    });
    for (const { headers } of glue.requests) {
      expect(headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDLOCALGLUE\/\d{8}\/us-east-1\/glue\/aws4_request, SignedHeaders=[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$/,
      );
      expect(headers["content-type"]).toBe("application/x-amz-json-1.1");
    }
  });

  it("updates the job on the next build instead of creating it again, with changed settings", async () => {
    await engine().buildShadow(request({ target: "orders_by_month" }));
    glue.requests.length = 0;
    const next = "s3://datamorph-artifacts/runs/0c2f5e7d-0000-4d2e-9a61-5b0e8a433f7c/job.py";
    const result = await engine({
      glueVersion: "4.0",
      workerType: "G.2X",
      numberOfWorkers: 10,
      timeoutMinutes: 15,
      tempDir: "s3://datamorph-temp/glue/",
    }).buildShadow(request({ target: "orders_by_month", scriptUri: next }));
    expect(result.job).toBe("updated");
    expect(glue.operations()).not.toContain("CreateJob");
    expect(bodies("UpdateJob")).toEqual([expect.objectContaining({ JobName: "datamorph-analytics-orders_by_month" })]);
    const job = glue.jobs.get("datamorph-analytics-orders_by_month")!;
    // UpdateJob replaces the definition, so the update must carry all of it, role and connection too.
    expect(job).toMatchObject({
      Role: ROLE,
      Connections: { Connections: ["warehouse-rds"] },
      GlueVersion: "4.0",
      WorkerType: "G.2X",
      NumberOfWorkers: 10,
      Timeout: 15,
      Command: { ScriptLocation: next },
      DefaultArguments: { "--TempDir": "s3://datamorph-temp/glue/" },
    });
    expect(bodies("StartJobRun")[0]).toMatchObject({ Arguments: { "--scriptLocation": next } });
  });

  it("reports each state once, in order, while polling less and less often", async () => {
    glue.setSpark(() => new Promise((resolve) => setTimeout(resolve, 150)));
    const states: GlueRunUpdate[] = [];
    await engine({ pollMs: { initial: 5, max: 40 } }).buildShadow(request({ onState: (u) => void states.push(u) }));
    expect(states.map((s) => s.state)).toEqual(["STARTING", "RUNNING", "SUCCEEDED"]);
    const polls = glue.requests.filter((r) => r.operation === "GetJobRun").map((r) => r.at);
    const gaps = polls.slice(1).map((at, i) => at - polls[i]);
    // Planned waits: 5, 10, 20, 40, 40, ... ms; a timer never fires more than a millisecond early.
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(Math.min(40, 5 * 2 ** i) - 1));
    expect(polls.length).toBeLessThan(150 / 5); // a fixed 5 ms poll would have asked ~30 times
  });

  it("retries a throttled call and carries on", async () => {
    glue.throttleNext(2);
    await expect(engine().buildShadow(request({ target: "throttled" }))).resolves.toMatchObject({ job: "created" });
    expect(glue.operations().slice(0, 3)).toEqual(["GetJob", "GetJob", "GetJob"]);
  });

  it("fails with Glue's error message when the run fails", async () => {
    glue.setSpark(async () => {
      throw new Error("AnalysisException: Table or view not found: analytics.missing");
    });
    const states: GlueRunUpdate[] = [];
    await expect(engine().buildShadow(request({ onState: (u) => void states.push(u) }))).rejects.toThrow(
      /^Glue job run jr_\w+ of datamorph-analytics-customer_totals FAILED: AnalysisException: Table or view not found/,
    );
    expect(states.at(-1)).toMatchObject({
      state: "FAILED",
      errorMessage: "AnalysisException: Table or view not found: analytics.missing",
    });
  });

  it("stops a run that outlives the deadline", async () => {
    glue.setSpark(() => new Promise(() => {}));
    const states: string[] = [];
    const attempt = engine({ deadlineMs: 80 }).buildShadow(
      request({ target: "hung", onState: (u) => void states.push(u.state) }),
    );
    await expect(attempt).rejects.toThrow(
      /did not finish within 0.08 s, so it was asked to stop \(last state STOPPED\)/,
    );
    const [stop] = bodies("BatchStopJobRun");
    expect(stop).toEqual({ JobName: "datamorph-analytics-hung", JobRunIds: [expect.stringMatching(/^jr_/)] });
    expect(glue.runs.get((stop.JobRunIds as string[])[0])?.state).toBe("STOPPED");
    // A poll may come late on a busy machine and miss RUNNING; it never misses the stop.
    expect(states[0]).toBe("STARTING");
    expect(states.slice(-2)).toEqual(["STOPPING", "STOPPED"]);
    expect(states).not.toContain("SUCCEEDED");
  });

  it("refuses a script outside S3 without calling Glue", async () => {
    await expect(
      engine().buildShadow(request({ scriptUri: "file:///var/datamorph/artifacts/run/job.py" })),
    ).rejects.toThrow(/reads job scripts from S3.*file:\/\/.*DATAMORPH_ARTIFACTS_BUCKET/);
    expect(glue.requests).toHaveLength(0);
  });

  it("refuses settings Glue would reject", () => {
    expect(() => createGlueEngine({ roleArn: "", connectionName: "c", numberOfWorkers: 1 })).toThrow(
      /needs a job role ARN, at least 2 workers/,
    );
    expect(() => createGlueEngine({ roleArn: ROLE, connectionName: "c", tempDir: "/tmp" })).toThrow(
      /s3:\/\/ temporary folder/,
    );
  });
});
