import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { closeDb } from "@/lib/db";
import type { Pipeline } from "@/lib/db/schema";
import { startLocalScheduler, type LocalScheduler } from "@/lib/testing/local-scheduler";
import { testServers } from "@/lib/testing/test-database";
import { handler } from "./lambda";

const PROMPT = "Join customers and orders on customer_id, calculate total order amount per customer";
const GROUP = "datamorph-test";
const ROLE = "arn:aws:iam::123456789012:role/datamorph-test-scheduler";
const ORCHESTRATOR = "arn:aws:lambda:us-east-1:123456789012:function:datamorph-test-Orchestrator";

/**
 * Pipeline schedules on AWS: each is an EventBridge Scheduler schedule (a local endpoint speaking its
 * wire protocol, driven by the real SDK client), kept in step with the database as it changes, and
 * firing the orchestrator Lambda handler with the moment it was due.
 */
describe("pipeline schedules as EventBridge schedules", () => {
  let h: PipelineHarness;
  let scheduler: LocalScheduler;
  let pipeline: Pipeline;
  // Imported once the environment below is set: the configuration is read once per process.
  let schedules: typeof import("@/lib/pipelines/schedule-pipeline");
  let getPipeline: typeof import("@/lib/db/queries/pipelines").getPipeline;

  const row = async () => (await getPipeline({ ref: pipeline.id }))!;
  const scheduleRuns = async () =>
    (
      await h.sql`select count(*)::int as n from datamorph.runs where pipeline_id = ${pipeline.id} and trigger = 'schedule'`
    )[0].n as number;
  const firingsAt = (moment: Date) =>
    h.sql`select outcome, run_id from datamorph.pipeline_firings where pipeline_id = ${pipeline.id} and scheduled_for = ${moment.toISOString()}`;
  /** As if the schedule's moment had come: the database says it fires at `moment`, as EventBridge will. */
  const dueAt = async (moment: Date) =>
    h.sql`update datamorph.pipelines set next_fire_at = ${moment.toISOString()} where id = ${pipeline.id}`;

  beforeAll(async () => {
    [h, scheduler] = await Promise.all([
      createPipelineHarness(testServers()[0]),
      startLocalScheduler({ groups: [GROUP] }),
    ]);
    Object.assign(process.env, {
      DATABASE_URL: h.url,
      DATAMORPH_DATA_DIR: mkdtempSync(path.join(tmpdir(), "datamorph-eventbridge-")),
      DATAMORPH_SCHEDULE_GROUP: GROUP,
      DATAMORPH_SCHEDULER_ROLE_ARN: ROLE,
      DATAMORPH_ORCHESTRATOR_ARN: ORCHESTRATOR,
      // The SDK's own per-service endpoint variable: the product code builds its client unchanged.
      AWS_ENDPOINT_URL_SCHEDULER: scheduler.endpoint,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "AKIDLOCALTEST",
      AWS_SECRET_ACCESS_KEY: "local-test-secret",
    });
    schedules = await import("@/lib/pipelines/schedule-pipeline");
    ({ getPipeline } = await import("@/lib/db/queries/pipelines"));
    const { getRunById } = await import("@/lib/db/queries/runs");
    const { savePipelineFromRun } = await import("@/lib/pipelines/save-pipeline");
    const [run] =
      await h.sql`insert into datamorph.runs (user_id, prompt) values (${h.admin.id}, ${PROMPT}) returning id`;
    expect(await handler({ runId: run.id })).toEqual({ runId: run.id, status: "succeeded" });
    ({ pipeline } = await savePipelineFromRun({
      run: (await getRunById({ id: run.id }))!,
      user: h.admin,
      name: "Scheduled totals",
    }));
  }, 120_000);

  afterAll(async () => {
    await closeDb();
    await Promise.all([h?.close(), scheduler?.close()]);
  });

  it("creates the pipeline's schedule: expression, time zone, state, target and input", async () => {
    await schedules.schedulePipeline({ pipeline, cron: "30 6 * * 1-5", timezone: "Europe/Berlin" });
    expect(scheduler.schedule(pipeline.id)).toMatchObject({
      Name: pipeline.id,
      GroupName: GROUP,
      ScheduleExpression: "cron(30 6 ? * 2-6 *)",
      ScheduleExpressionTimezone: "Europe/Berlin",
      State: "ENABLED",
      FlexibleTimeWindow: { Mode: "OFF" },
      Target: { Arn: ORCHESTRATOR, RoleArn: ROLE },
    });
    expect(JSON.parse(scheduler.schedule(pipeline.id)!.Target.Input!)).toEqual({
      pipelineId: pipeline.id,
      scheduledFor: "<aws.scheduler.scheduled-time>",
    });
    expect(scheduler.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /schedules/${pipeline.id}`, // not there yet: answered 404, so it is created
      `POST /schedules/${pipeline.id}`,
    ]);
    expect(await row()).toMatchObject({ cron: "30 6 * * 1-5", timezone: "Europe/Berlin", paused: false });
    pipeline = await row();
  });

  it("disables the schedule on pause, enables it on resume, and replaces it when the cron changes", async () => {
    await schedules.pauseSchedule({ pipeline });
    expect(scheduler.schedule(pipeline.id)?.State).toBe("DISABLED");
    expect((await row()).paused).toBe(true);
    pipeline = await row();

    await schedules.resumeSchedule({ pipeline });
    expect(scheduler.schedule(pipeline.id)).toMatchObject({
      State: "ENABLED",
      ScheduleExpression: "cron(30 6 ? * 2-6 *)",
    });
    expect((await row()).paused).toBe(false);
    pipeline = await row();

    await schedules.schedulePipeline({ pipeline, cron: "@daily", timezone: "America/New_York" });
    expect(scheduler.schedule(pipeline.id)).toMatchObject({
      ScheduleExpression: "cron(0 0 * * ? *)",
      ScheduleExpressionTimezone: "America/New_York",
      State: "ENABLED",
    });
    expect(scheduler.count()).toBe(1);
    expect(scheduler.requests.at(-1)).toMatchObject({ method: "PUT", path: `/schedules/${pipeline.id}` });
    pipeline = await row();
  });

  it("refuses a cron EventBridge cannot express, and changes nothing", async () => {
    const sent = scheduler.requests.length;
    const before = await row();
    const refused = await schedules.schedulePipeline({ pipeline, cron: "*/2 * * * * *" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "bad_request", status: 400, message: expect.stringMatching(/seconds/) });
    const both = await schedules.schedulePipeline({ pipeline, cron: "0 6 1 * 1" }).catch((e: unknown) => e);
    expect(both).toMatchObject({ status: 400, message: expect.stringMatching(/both days of the month/) });
    expect(scheduler.requests.length).toBe(sent);
    expect(await row()).toEqual(before);
    expect(scheduler.schedule(pipeline.id)?.ScheduleExpression).toBe("cron(0 0 * * ? *)");
  });

  it("leaves the database unchanged when EventBridge fails, and says so", async () => {
    const before = await row();
    scheduler.setOutage(true);
    try {
      const failed = await Promise.all([
        schedules.schedulePipeline({ pipeline, cron: "15 4 * * *" }).catch((e: unknown) => e),
        schedules.pauseSchedule({ pipeline }).catch((e: unknown) => e),
      ]);
      for (const error of failed)
        expect(error).toMatchObject({
          code: "unavailable",
          status: 503,
          message: expect.stringMatching(/nothing was changed/),
        });
    } finally {
      scheduler.setOutage(false);
    }
    expect(await row()).toEqual(before);
    expect(scheduler.schedule(pipeline.id)).toMatchObject({
      ScheduleExpression: "cron(0 0 * * ? *)",
      State: "ENABLED",
    });
  });

  it("fires once for a moment however many times the schedule's event is delivered", async () => {
    await schedules.schedulePipeline({ pipeline, cron: "* * * * *" });
    pipeline = await row();
    const moment = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await dueAt(moment);
    const event = scheduler.eventAt(pipeline.id, moment) as Parameters<typeof handler>[0];
    expect(event).toEqual({ pipelineId: pipeline.id, scheduledFor: moment.toISOString().replace(".000Z", "Z") });

    const delivered = [...(await Promise.all([handler(event), handler(event)])), await handler(event)];
    const started = delivered.filter((r) => "firing" in r);
    expect(started).toEqual([
      { pipelineId: pipeline.id, firing: "started", run: { runId: expect.any(String), status: "succeeded" } },
    ]);
    expect(delivered.filter((r) => "skipped" in r)).toHaveLength(2);
    expect(await scheduleRuns()).toBe(1);
    const firings = await firingsAt(moment);
    expect(firings).toHaveLength(1);
    expect(firings[0]).toMatchObject({ outcome: "started" });
    // The schedule moves on past the moment it fired.
    expect((await row()).nextFireAt!.getTime()).toBeGreaterThan(moment.getTime());
  }, 120_000);

  it("records skipped_running when a run of the pipeline is still in progress", async () => {
    const [running] =
      await h.sql`insert into datamorph.runs (user_id, prompt, pipeline_id, status, trigger) values (${h.admin.id}, ${PROMPT}, ${pipeline.id}, 'running', 'manual') returning id`;
    const moment = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000);
    await dueAt(moment);
    const runsBefore = await scheduleRuns();
    expect(await handler(scheduler.eventAt(pipeline.id, moment) as Parameters<typeof handler>[0])).toEqual({
      pipelineId: pipeline.id,
      firing: "skipped_running",
    });
    expect(await firingsAt(moment)).toEqual([{ outcome: "skipped_running", run_id: null }]);
    expect(await scheduleRuns()).toBe(runsBefore);
    await h.sql`update datamorph.runs set status = 'failed' where id = ${running.id}`;
  });

  it("fires nothing while paused, even when EventBridge delivers", async () => {
    await schedules.pauseSchedule({ pipeline });
    const moment = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 120_000);
    await dueAt(moment);
    expect(await handler(scheduler.eventAt(pipeline.id, moment) as Parameters<typeof handler>[0])).toMatchObject({
      skipped: true,
    });
    expect(await firingsAt(moment)).toHaveLength(0);
  });

  it("on deploy, copies a schedule saved before EventBridge managed it, and reports one it cannot express", async () => {
    const { handler: syncOnDeploy } = await import("@/lib/server/sync-schedules-lambda");
    const { DeleteScheduleCommand } = await import("@aws-sdk/client-scheduler");
    // As a database moved here from the in-process scheduler holds it: a schedule EventBridge never saw.
    await scheduler.client().send(new DeleteScheduleCommand({ Name: pipeline.id, GroupName: GROUP }));
    await h.sql`update datamorph.pipelines set cron = '15 7 * * *', timezone = 'Asia/Tokyo', paused = true where id = ${pipeline.id}`;
    expect(scheduler.count()).toBe(0);

    expect(await syncOnDeploy()).toEqual({ saved: ["Scheduled totals"], refused: [] });
    expect(scheduler.schedule(pipeline.id)).toMatchObject({
      ScheduleExpression: "cron(15 7 * * ? *)",
      ScheduleExpressionTimezone: "Asia/Tokyo",
      State: "DISABLED",
      Target: { Arn: ORCHESTRATOR, RoleArn: ROLE },
    });
    // Again: the same schedule, nothing added.
    expect(await syncOnDeploy()).toEqual({ saved: ["Scheduled totals"], refused: [] });
    expect(scheduler.count()).toBe(1);

    await h.sql`update datamorph.pipelines set cron = '*/10 * * * * *' where id = ${pipeline.id}`;
    const sent = scheduler.requests.length;
    expect(await syncOnDeploy()).toEqual({
      saved: [],
      refused: [{ pipeline: "Scheduled totals", reason: expect.stringContaining("cannot be an EventBridge schedule") }],
    });
    expect(scheduler.requests.length).toBe(sent);
    expect(scheduler.schedule(pipeline.id)?.ScheduleExpression).toBe("cron(15 7 * * ? *)");
    await h.sql`update datamorph.pipelines set cron = '15 7 * * *' where id = ${pipeline.id}`;
  });

  it("deletes the EventBridge schedule with the pipeline, and keeps both while EventBridge fails", async () => {
    const { deletePipeline } = await import("@/lib/pipelines/delete-pipeline");
    pipeline = await row();
    const [running] =
      await h.sql`insert into datamorph.runs (user_id, prompt, pipeline_id, status, trigger) values (${h.admin.id}, ${PROMPT}, ${pipeline.id}, 'running', 'manual') returning id`;
    const sent = scheduler.requests.length;
    expect(await deletePipeline({ pipeline }).catch((e: unknown) => e)).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/run in progress/),
    });
    expect(scheduler.requests.length).toBe(sent);
    await h.sql`update datamorph.runs set status = 'failed' where id = ${running.id}`;

    scheduler.setOutage(true);
    try {
      expect(await deletePipeline({ pipeline }).catch((e: unknown) => e)).toMatchObject({ code: "unavailable" });
    } finally {
      scheduler.setOutage(false);
    }
    expect(await row()).toEqual(pipeline);
    expect(scheduler.schedule(pipeline.id)).toBeDefined();

    await deletePipeline({ pipeline });
    expect(await getPipeline({ ref: pipeline.id })).toBeNull();
    expect(scheduler.schedule(pipeline.id)).toBeUndefined();
    expect(scheduler.requests.at(-1)).toMatchObject({
      method: "DELETE",
      path: `/schedules/${pipeline.id}`,
      query: { groupName: GROUP },
    });
    expect(scheduler.count()).toBe(0);
    // Its runs stay, no longer linked to it.
    expect((await h.sql`select count(*)::int as n from datamorph.runs where trigger = 'schedule'`)[0].n).toBe(1);
  });
});
