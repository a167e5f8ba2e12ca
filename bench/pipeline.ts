import { sumRunEventDurations } from "@/lib/db/queries/run-events";
import type { PipelineHarness } from "@/agents/testing/pipeline-harness";
import { round } from "./stats";

export const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";

/** Runs the seed example once and reports its wall time and the time of each agent. */
export async function benchSeed(h: PipelineHarness, targetTable: string) {
  const started = performance.now();
  const outcome = await h.run(SEED, { targetTable });
  const wallMs = performance.now() - started;
  const events = await sumRunEventDurations({ sql: h.sql, runId: outcome.runId });
  return {
    status: outcome.status,
    rows: outcome.rowCount,
    wallMs: round(wallMs, 0),
    stagesMs: Object.fromEntries(events.map((e) => [e.agent, e.ms])),
  };
}

/**
 * The seed example on a million orders against the one hand-written CREATE TABLE AS a data
 * engineer would write: how much the tests, profile and publish cost on top (goal ≤ 2.0×).
 */
export async function benchScale(h: PipelineHarness, orders = 1_000_000) {
  const customers = Math.round(orders / 20);
  await h.sql.unsafe(`
    create table customers as select i as customer_id, 'Customer ' || i as first_name from generate_series(1, ${customers}) as i;
    alter table customers add primary key (customer_id);
    create table orders as select i as order_id, (1 + (i::bigint * 7919) % ${customers})::int as customer_id, round(((i::bigint * 104729) % 100000) / 100.0, 2)::numeric(12,2) as amount from generate_series(1, ${orders}) as i;
    alter table orders add primary key (order_id), alter column customer_id set not null, add foreign key (customer_id) references customers (customer_id);
    analyze customers, orders;`);
  const handStarted = performance.now();
  await h.sql.unsafe(
    `create table hand_written as select c.customer_id, sum(o.amount) as total_order_amount from customers c join orders o on o.customer_id = c.customer_id group by c.customer_id`,
  );
  const handMs = performance.now() - handStarted;
  const pipeline = await benchSeed(h, "pipeline_written");
  return {
    orders,
    customers,
    handWrittenMs: round(handMs, 0),
    pipelineMs: pipeline.wallMs,
    ratio: round(pipeline.wallMs / handMs),
    status: pipeline.status,
    stagesMs: pipeline.stagesMs,
  };
}
