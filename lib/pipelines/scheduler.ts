import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import {
  claimSchedulerLease,
  hasActiveSchedules,
  listDuePipelines,
  releaseSchedulerLease,
} from "@/lib/db/queries/pipeline-schedules";
import type { Pipeline } from "@/lib/db/schema";
import { Limit } from "@/lib/concurrency/limit";
import { logError } from "@/lib/log/safe-log";
import type { RunStarter } from "@/lib/runs/lambda-invoker";
import { firePipeline } from "./fire-pipeline";

/** Due schedules read per query, and fired at once: enough to keep the database busy, few enough to leave it connections. */
const BATCH = 100;
const FIRINGS_AT_ONCE = 4;

export type SchedulerOptions = {
  /** Hands each run over (the in-process runner, or the orchestrator Lambda). */
  starter: RunStarter;
  /** How often to look for due schedules (default 1 s). */
  tickMs?: number;
  /** How long the lease lasts without renewal: another process takes over this long after this one dies. */
  leaseMs?: number;
  /** A firing later than this is a missed one (default 60 s), as is one whose next firing has passed too. */
  missedAfterMs?: number;
  log?: (line: string) => void;
};

export type Scheduler = {
  /** Who this scheduler is in the lease and the firings it records. */
  holder: string;
  start(): void;
  /** Stops ticking and gives up the lease. */
  stop(): Promise<void>;
  /** One pass: while any schedule is active, renew the lease, then fire every due schedule. Returns the firings it claimed. */
  tick(): Promise<number>;
};

/**
 * The in-process scheduler. Every process may run one (the web app starts one, `datamorph
 * pipeline scheduler` another); a Postgres lease lets one of them fire at a time, and each firing
 * is claimed in the database (see `claimFiring`), so it happens exactly once whatever the
 * number of processes. A firing missed while no scheduler ran fires once when one starts (or
 * is skipped, as the pipeline says); a pipeline whose run is still in progress skips a firing.
 */
export function createScheduler({
  starter,
  tickMs = 1000,
  leaseMs = 10_000,
  missedAfterMs = 60_000,
  log = () => {},
}: SchedulerOptions): Scheduler {
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let leader = false;
  let announced: boolean | undefined;
  const firing = new Limit(FIRINGS_AT_ONCE);

  const fire = async (pipeline: Pipeline, now: Date): Promise<boolean> =>
    (await firePipeline({ pipeline, scheduledFor: pipeline.nextFireAt!, now, starter, holder, missedAfterMs })) !==
    null;

  async function tick(): Promise<number> {
    // No schedule at all: no lease is taken or renewed, so an app without schedules writes nothing.
    if (!(await hasActiveSchedules())) return 0;
    leader = await claimSchedulerLease({ holder, ms: leaseMs });
    if (leader !== announced)
      log(
        leader
          ? `Scheduler ${holder} fires the pipeline schedules`
          : `Scheduler ${holder} stands by: another process fires them`,
      );
    announced = leader;
    if (!leader) return 0;
    const now = new Date();
    let fired = 0;
    // Every schedule due now fires in this pass, a batch at a time, several at once: a thousand
    // pipelines due at the same minute must not wait for later ticks. Each is tried once per pass,
    // so one whose firing fails is not retried in a loop; the lease is renewed between batches.
    const tried = new Set<string>();
    for (;;) {
      const due = (await listDuePipelines({ now, limit: BATCH })).filter((p) => !tried.has(p.id));
      if (due.length === 0) break;
      for (const pipeline of due) tried.add(pipeline.id);
      const outcomes = await Promise.all(due.map((pipeline) => firing.run(() => fireSafely(pipeline, now))));
      fired += outcomes.filter(Boolean).length;
      if (!(await claimSchedulerLease({ holder, ms: leaseMs }))) {
        leader = false;
        break;
      }
    }
    return fired;
  }

  async function fireSafely(pipeline: Pipeline, now: Date): Promise<boolean> {
    try {
      return await fire(pipeline, now);
    } catch (error) {
      logError(`schedule of pipeline ${pipeline.id}`, error);
      return false;
    }
  }

  const loop = () => {
    running = tick()
      .catch((error: unknown) => logError("scheduler tick", error))
      .finally(() => {
        if (timer) timer = setTimeout(loop, tickMs);
      });
  };

  return {
    holder,
    tick,
    start() {
      if (timer) return;
      timer = setTimeout(loop, 0);
    },
    async stop() {
      const pending = timer;
      timer = undefined;
      clearTimeout(pending);
      await running;
      if (leader) await releaseSchedulerLease({ holder }).catch(() => {});
      leader = false;
    },
  };
}
