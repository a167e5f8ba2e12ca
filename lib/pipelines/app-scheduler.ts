import { getEnv } from "@/lib/env";
import { getRunStarter } from "@/lib/runs/start-run";
import { createScheduler, type Scheduler } from "./scheduler";

const cache = globalThis as unknown as { datamorphScheduler?: Scheduler };

/**
 * Starts this process's pipeline scheduler once (the web app calls it as its server starts),
 * unless DATAMORPH_SCHEDULER=off. Several processes may each run one: the lease in Postgres
 * lets one fire at a time.
 */
export function startAppScheduler(log: (line: string) => void = (line) => console.log(`[datamorph] ${line}`)): Scheduler | null {
  if (!getEnv().scheduler) return null;
  if (!cache.datamorphScheduler) {
    cache.datamorphScheduler = createScheduler({ starter: (run) => getRunStarter()(run), log });
    cache.datamorphScheduler.start();
  }
  return cache.datamorphScheduler;
}
