import type { PipelineHarness } from "@/agents/testing/pipeline-harness";
import { createPipeline } from "@/lib/db/queries/pipelines";
import { listPipelineFirings, setPipelineSchedule } from "@/lib/db/queries/pipeline-schedules";
import { createScheduler } from "@/lib/pipelines/scheduler";
import type { RunStarter } from "@/lib/runs/lambda-invoker";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import { quantile, round } from "./stats";

const LEAD_MS = 3000;
const GIVE_UP_MS = 120_000;

/**
 * `n` pipelines scheduled every minute, all due at the same instant, with two schedulers running
 * as two processes would: how late each firing starts its run (from the moment it was due to the
 * run being handed over), whether every pipeline fired, and that none fired twice. The runs are
 * handed to a starter that only notes the time, so the figure is the scheduler's own overhead;
 * they stay queued, on a database the bench drops afterwards.
 */
export async function benchScheduler(h: PipelineHarness, n = 1000) {
  const spec = customerTotalsSpec();
  const made = [];
  for (let i = 1; i <= n; i++) {
    const { pipeline } = await createPipeline({
      name: `bench schedule ${i}`,
      userId: h.admin.id,
      version: {
        spec,
        parameters: [],
        targetTable: `bench_schedule_${i}`,
        engine: null,
        sourceShape: {},
        fromRunId: null,
        createdBy: h.admin.id,
        note: null,
      },
    });
    made.push(pipeline);
  }
  // Due together, a few seconds ahead, so every schedule is in place before the first is due.
  const dueAt = new Date(Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000);
  for (const pipeline of made)
    await setPipelineSchedule({
      id: pipeline.id,
      cron: "* * * * *",
      timezone: "UTC",
      catchUp: "run_once",
      nextFireAt: dueAt,
    });

  const handedOver = new Map<string, number>();
  const starter: RunStarter = async ({ runId }) => {
    handedOver.set(runId, Date.now());
  };
  const schedulers = [createScheduler({ starter, tickMs: 250 }), createScheduler({ starter, tickMs: 250 })];
  for (const scheduler of schedulers) scheduler.start();
  const started = Date.now();
  while (handedOver.size < n && Date.now() - started < LEAD_MS + GIVE_UP_MS)
    await new Promise((resolve) => setTimeout(resolve, 100));
  await Promise.all(schedulers.map((s) => s.stop()));

  const late = [...handedOver.values()].map((at) => at - dueAt.getTime());
  const firings = (await Promise.all(made.map((pipeline) => listPipelineFirings({ pipelineId: pipeline.id })))).flatMap(
    (list) => list.filter((f) => f.scheduledFor.getTime() === dueAt.getTime()),
  );
  return {
    pipelines: n,
    schedulers: schedulers.length,
    fired: firings.filter((f) => f.outcome === "started").length,
    firedTwice: firings.length - new Set(firings.map((f) => f.pipelineId)).size,
    lateMs: {
      p50: round(quantile(late, 0.5), 0),
      p99: round(quantile(late, 0.99), 0),
      max: round(Math.max(...late), 0),
    },
  };
}
