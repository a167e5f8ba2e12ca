import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";
import { handler, type OrchestratorEvent } from "./lambda";

const PROMPT = "Join customers and orders on customer_id, calculate total order amount per customer";

describe("orchestrator Lambda handler", () => {
  let h: PipelineHarness;
  let runId: string;

  beforeAll(async () => {
    h = await createPipelineHarness(testServers()[0]);
    // The handler reads its database and data folder from the environment, as on Lambda.
    process.env.DATABASE_URL = h.url;
    process.env.DATAMORPH_DATA_DIR = mkdtempSync(path.join(tmpdir(), "datamorph-lambda-"));
    const [run] =
      await h.sql`insert into datamorph.runs (user_id, prompt) select id, ${PROMPT} from datamorph.users limit 1 returning id`;
    runId = run.id;
  });

  afterAll(async () => {
    await closeDb();
    await h?.close();
  });

  const eventsOf = async (id: string) =>
    (await h.sql`select count(*)::int as n from datamorph.run_events where run_id = ${id}`)[0].n as number;

  it("builds and publishes the table of a queued run", async () => {
    const result = await handler({ runId });
    expect(result).toEqual({ runId, status: "succeeded" });
    const [run] =
      await h.sql`select status, target_schema, target_table, row_count, started_at from datamorph.runs where id = ${runId}`;
    expect(run.status).toBe("succeeded");
    expect(run.started_at).not.toBeNull();
    const [{ n }] = await h.sql`select count(*)::int as n from ${h.sql(run.target_schema)}.${h.sql(run.target_table)}`;
    expect(n).toBe(run.row_count);
    expect(n).toBeGreaterThan(0);
  });

  it("does nothing when the same event is delivered again", async () => {
    const before = await eventsOf(runId);
    expect(before).toBeGreaterThan(0);
    const result = await handler({ runId });
    expect(result).toEqual({ skipped: true, reason: expect.stringContaining("succeeded") });
    expect(await eventsOf(runId)).toBe(before);
    expect((await h.sql`select status from datamorph.runs where id = ${runId}`)[0].status).toBe("succeeded");
  });

  it("starts a run once when two deliveries arrive together", async () => {
    const [run] =
      await h.sql`insert into datamorph.runs (user_id, prompt) select id, ${PROMPT} from datamorph.users limit 1 returning id`;
    const results = await Promise.all([handler({ runId: run.id }), handler({ runId: run.id })]);
    expect(results.filter((r) => "skipped" in r)).toHaveLength(1);
    expect(results.filter((r) => "status" in r && r.status === "succeeded")).toHaveLength(1);
    const starts =
      await h.sql`select count(*)::int as n from datamorph.run_events where run_id = ${run.id} and payload->>'final' = 'true'`;
    expect(starts[0].n).toBe(1);
  });

  it("skips a run that does not exist", async () => {
    expect(await handler({ runId: "00000000-0000-4000-8000-000000000000" })).toEqual({
      skipped: true,
      reason: expect.stringContaining("does not exist"),
    });
  });

  it.each([[{}], [{ runId: "not-a-run-id" }], [{ runId: 42 }]])("refuses the malformed event %j", async (event) => {
    await expect(handler(event as unknown as OrchestratorEvent)).rejects.toThrow(/Invalid orchestrator event.*runId/);
  });

  it("carries out a pipeline run handed over by id, from its version and recorded values", async () => {
    const { getRunById } = await import("@/lib/db/queries/runs");
    const { savePipelineFromRun } = await import("@/lib/pipelines/save-pipeline");
    const { preparePipelineRun } = await import("@/lib/pipelines/start-pipeline-run");
    const { pipeline } = await savePipelineFromRun({
      run: (await getRunById({ id: runId }))!,
      user: h.admin,
      name: "Lambda totals",
    });
    const prepared = await preparePipelineRun({ pipeline, trigger: "schedule" });
    expect(await handler({ runId: prepared.runId })).toEqual({ runId: prepared.runId, status: "succeeded" });
    const planner =
      await h.sql`select message from datamorph.run_events where run_id = ${prepared.runId} and agent = 'planner'`;
    expect(planner.map((e) => e.message)).toEqual(['Took the spec of pipeline "Lambda totals" version 1']);
  });

  it("stops a run asked to wait for review, then builds its edited plan when handed over again", async () => {
    const { getArtifactStore } = await import("@/lib/artifacts/current");
    const { saveReviewRequest } = await import("@/lib/review/review-request");
    const { prepareReviewedBuild } = await import("@/lib/runs/review-run");
    const [run] =
      await h.sql`insert into datamorph.runs (user_id, prompt, target_table) values (${h.admin.id}, ${PROMPT}, 'lambda_reviewed') returning id`;
    await saveReviewRequest(getArtifactStore(), run.id, { review: true });
    expect(await handler({ runId: run.id })).toEqual({ runId: run.id, status: "in_review" });
    expect((await h.sql`select status from datamorph.runs where id = ${run.id}`)[0].status).toBe("in_review");

    const [planned] =
      await h.sql`select payload->'spec' as spec from datamorph.run_events where run_id = ${run.id} and agent = 'planner' and level = 'success'`;
    const spec = {
      ...planned.spec,
      filters: [{ op: ">", column: { source: "orders", column: "amount" }, value: 100, phrase: "" }],
    };
    await prepareReviewedBuild({ user: { ...h.admin, name: "Tester" }, runId: run.id, spec });
    expect(await handler({ runId: run.id })).toEqual({ runId: run.id, status: "succeeded" });
    const [{ n }] =
      await h.sql`select count(*)::int as n from lambda_reviewed t where t.total_order_amount <> (select sum(amount) from orders o where o.customer_id = t.customer_id and o.amount > 100)`;
    expect(n).toBe(0);
    const planner =
      await h.sql`select message from datamorph.run_events where run_id = ${run.id} and agent = 'planner' and level = 'success' order by seq`;
    expect(planner.map((e) => e.message)).toEqual([
      "Planned lambda_reviewed",
      "Plan edited by tester@example.com: 1 change",
    ]);
  });
});
