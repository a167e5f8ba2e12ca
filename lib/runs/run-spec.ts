import { getArtifactStore } from "@/lib/artifacts/current";
import { getEventStore } from "@/lib/events/live";
import { logError } from "@/lib/log/safe-log";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { deriveRunView } from "./run-view";

/**
 * The spec a run built: the stored one (repairs included), else the one its events planned.
 * An unreachable artifact store falls back to the events rather than failing the caller.
 */
export async function loadRunSpec(runId: string): Promise<EtlSpec | null> {
  const saved = await getArtifactStore()
    .get(runId, "spec.json")
    .catch((error: unknown) => logError(`spec of run ${runId} could not be read`, error));
  if (saved) return JSON.parse(saved.toString("utf8")) as EtlSpec;
  return deriveRunView(await getEventStore().listAfter(runId, 0)).spec ?? null;
}
