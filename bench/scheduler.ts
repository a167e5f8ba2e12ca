import type { PipelineHarness } from "@/agents/testing/pipeline-harness";
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
 * handed to a starter that only notes the time, so the figure is the scheduler's own overhead.
 */
export async function benchScheduler(h: PipelineHarness, n = 1000) {
  const dueAt = new Date(Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000);
  const spec = customerTotalsSpec();
  const [{ version }] = await h.sql`
    with made as (
      insert into datamorph.pipelines (name, user_id, cron, next_fire_at)
      select 'bench schedule ' || i, ${h.admin.id}, '* * * * *', ${dueAt.toISOString()}::timestamptz from generate_series(1, ${n}) as i
      returning id, name
    )
    insert into datamorph.pipeline_versions (pipeline_id, version, spec, parameters, target_table, source_shape, created_by)
    select id, 1, ${JSON.stringify(spec)}::jsonb, '[]'::jsonb, 'bench_schedule_' || split_part(name, ' ', 3), '{}'::jsonb, ${h.admin.id}
    from made
    returning version`;
  if (version !== 1) throw new Error("the bench pipelines were not saved");

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
  const [firings] = await h.sql`
    select count(*)::int as total, count(distinct pipeline_id)::int as pipelines,
           count(*) filter (where outcome = 'started')::int as started
    from datamorph.pipeline_firings where scheduled_for = ${dueAt.toISOString()}::timestamptz`;
  await h.sql`delete from datamorph.pipelines where name like 'bench schedule %'`;
  return {
    pipelines: n,
    schedulers: schedulers.length,
    fired: firings.started,
    firedTwice: firings.total - firings.pipelines,
    lateMs: {
      p50: round(quantile(late, 0.5), 0),
      p99: round(quantile(late, 0.99), 0),
      max: round(Math.max(...late), 0),
    },
  };
}
