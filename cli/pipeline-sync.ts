import { currentEventBridgeSchedules } from "@/lib/pipelines/eventbridge-schedules";
import { syncEventBridgeSchedules } from "@/lib/pipelines/sync-schedules";
import { CliError } from "./output";
import type { PipelineContext } from "./pipeline";

/** `pipeline sync-schedules [--json]` (AWS): every pipeline schedule written to EventBridge as Postgres holds it. */
export async function syncSchedulesCommand(context: PipelineContext): Promise<number> {
  const schedules = currentEventBridgeSchedules();
  if (!schedules)
    throw new CliError(
      "Schedules here are fired by the in-process scheduler; set DATAMORPH_SCHEDULE_GROUP (on AWS, run this through `sst shell --target Web`) to copy them to EventBridge.",
      2,
    );
  const result = await syncEventBridgeSchedules(schedules);
  if (context.values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(
      `${result.saved.length} schedule(s) written to EventBridge group ${schedules.group}${result.saved.length ? `: ${result.saved.join(", ")}` : ""}.\n`,
    );
    for (const { reason } of result.refused) process.stdout.write(`Not copied: ${reason}\n`);
  }
  return result.refused.length > 0 ? 1 : 0;
}
