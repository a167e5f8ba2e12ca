import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { runEvents, runs } from "@/lib/db/schema";
import { EVALUATION_TRIGGER } from "./runs";

/** One day of runs, counted by how they ended; `other` is still queued, running or paused. */
export type RunDay = {
  day: string;
  succeeded: number;
  failed: number;
  rejected: number;
  interrupted: number;
  other: number;
};
/** One day's run durations (finished runs), in milliseconds. */
export type DurationDay = { day: string; medianMs: number | null; p90Ms: number | null; runs: number };
/** One day of data tests, from the last round of tests of each run created that day. */
export type TestDay = { day: string; tests: number; failed: number; runsWithFailures: number };

export type Dashboard = {
  days: number;
  totals: { runs: number; finished: number; succeeded: number; medianMs: number | null; p90Ms: number | null };
  runsPerDay: RunDay[];
  durations: DurationDay[];
  tests: TestDay[];
};

const asNumber = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value)));

/**
 * The runs a user can see (their own; every run for an administrator) over the last `days`
 * days, oldest first: by status, their durations, and their data tests that failed.
 */
export async function getDashboard({
  userId,
  isAdmin,
  days = 30,
}: {
  userId: string;
  isAdmin: boolean;
  days?: number;
}): Promise<Dashboard> {
  const db = getDb();
  // Evaluations' runs would swamp people's: they are counted on the evaluations page instead.
  const visible = sql`${isAdmin ? sql`true` : sql`r.user_id = ${userId}`} and r.trigger is distinct from ${EVALUATION_TRIGGER}`;
  const calendar = sql`generate_series(current_date - ${days - 1}::int, current_date, interval '1 day') as d`;
  const sameDay = sql`r.created_at >= d and r.created_at < d + interval '1 day' and ${visible}`;
  const seconds = sql`extract(epoch from r.finished_at - r.started_at) * 1000`;
  const [perDay, durations, tests, [totals]] = await Promise.all([
    db.execute<RunDay>(sql`
      select to_char(d, 'YYYY-MM-DD') as day,
             count(r.id) filter (where r.status = 'succeeded')::int as succeeded,
             count(r.id) filter (where r.status = 'failed')::int as failed,
             count(r.id) filter (where r.status = 'rejected')::int as rejected,
             count(r.id) filter (where r.status = 'interrupted')::int as interrupted,
             count(r.id) filter (where r.status not in ('succeeded', 'failed', 'rejected', 'interrupted'))::int as other
      from ${calendar} left join ${runs} r on ${sameDay}
      group by d order by d`),
    db.execute<{ day: string; medianMs: unknown; p90Ms: unknown; runs: number }>(sql`
      select to_char(d, 'YYYY-MM-DD') as day,
             percentile_cont(0.5) within group (order by ${seconds}) as "medianMs",
             percentile_cont(0.9) within group (order by ${seconds}) as "p90Ms",
             count(r.id)::int as runs
      from ${calendar} left join ${runs} r on ${sameDay} and r.finished_at is not null and r.started_at is not null
      group by d order by d`),
    // A repaired run tests again: its last round says whether its table was published with failures.
    db.execute<TestDay>(sql`
      with last_round as (
        select distinct on (e.run_id) e.run_id, e.payload -> 'results' as results
        from ${runEvents} e join ${runs} r on r.id = e.run_id
        where e.agent = 'validator' and jsonb_typeof(e.payload -> 'results') = 'array'
          and r.created_at >= current_date - ${days - 1}::int and ${visible}
        order by e.run_id, e.seq desc)
      select to_char(d, 'YYYY-MM-DD') as day,
             coalesce(sum(t.tests), 0)::int as tests,
             coalesce(sum(t.failed), 0)::int as failed,
             count(t.run_id) filter (where t.failed > 0)::int as "runsWithFailures"
      from ${calendar}
      left join (
        select l.run_id, r.created_at, jsonb_array_length(l.results) as tests,
               (select count(*) from jsonb_array_elements(l.results) x where x ->> 'passed' = 'false') as failed
        from last_round l join ${runs} r on r.id = l.run_id) t
        on t.created_at >= d and t.created_at < d + interval '1 day'
      group by d order by d`),
    db.execute<{ runs: number; finished: number; succeeded: number; medianMs: unknown; p90Ms: unknown }>(sql`
      select count(*)::int as runs,
             count(*) filter (where r.status in ('succeeded', 'failed', 'rejected', 'interrupted'))::int as finished,
             count(*) filter (where r.status = 'succeeded')::int as succeeded,
             percentile_cont(0.5) within group (order by ${seconds}) filter (where r.finished_at is not null) as "medianMs",
             percentile_cont(0.9) within group (order by ${seconds}) filter (where r.finished_at is not null) as "p90Ms"
      from ${runs} r where r.created_at >= current_date - ${days - 1}::int and ${visible}`),
  ]);
  return {
    days,
    totals: {
      runs: totals.runs,
      finished: totals.finished,
      succeeded: totals.succeeded,
      medianMs: asNumber(totals.medianMs),
      p90Ms: asNumber(totals.p90Ms),
    },
    runsPerDay: [...perDay],
    durations: [...durations].map((d) => ({
      day: d.day,
      medianMs: asNumber(d.medianMs),
      p90Ms: asNumber(d.p90Ms),
      runs: d.runs,
    })),
    tests: [...tests],
  };
}
