import { getEnv } from "@/lib/env";
import type { RunStarter } from "@/lib/runs/lambda-invoker";
import { createScheduler, type Scheduler } from "./scheduler";

const cache = globalThis as unknown as { datamorphScheduler?: Scheduler };

/**
 * Starts this process's pipeline scheduler once (the web app calls it as its server starts),
 * unless DATAMORPH_SCHEDULER=off. Several processes may each run one: the lease in Postgres
 * lets one fire at a time.
 */
export function startAppScheduler({
  getStarter,
  log = (line) => console.log(`[datamorph] ${line}`),
}: {
  /** How this deployment starts runs, asked each time a schedule fires. */
  getStarter: () => RunStarter;
  log?: (line: string) => void;
}): Scheduler | null {
  if (!getEnv().scheduler) return null;
  if (!cache.datamorphScheduler) {
    cache.datamorphScheduler = createScheduler({ starter: (run) => getStarter()(run), log });
    cache.datamorphScheduler.start();
  }
  return cache.datamorphScheduler;
}
