import { closeDb } from "@/lib/db";
import { ConfigError, getEnv } from "@/lib/env";
import { currentEventBridgeSchedules } from "@/lib/pipelines/eventbridge-schedules";
import { type ScheduleSync, syncEventBridgeSchedules } from "@/lib/pipelines/sync-schedules";

/**
 * The ScheduleSync Lambda (AWS), invoked on every deploy once the migrations ran: it copies every
 * pipeline schedule Postgres holds into the EventBridge group, so schedules made before the stage
 * managed them (or with the in-process scheduler, on a database moved to AWS) fire from the first
 * deploy on, without waiting for someone to save them again. Running it again changes nothing.
 */
export async function handler(): Promise<ScheduleSync> {
  const env = getEnv();
  if (env.mode !== "server")
    throw new ConfigError("The schedule sync needs a database: link Database to it (or set DATABASE_URL).");
  const schedules = currentEventBridgeSchedules();
  if (!schedules)
    throw new ConfigError("The schedule sync needs the EventBridge schedule group: link Schedules to it.");
  try {
    const result = await syncEventBridgeSchedules(schedules);
    console.log(
      `[datamorph] ${result.saved.length} schedule(s) in EventBridge; ${result.refused.length} it cannot express`,
    );
    for (const { reason } of result.refused) console.log(`[datamorph] ${reason}`);
    return result;
  } finally {
    await closeDb();
  }
}
