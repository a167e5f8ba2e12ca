import { getArtifactStore } from "@/lib/artifacts/current";
import type { ArtifactStore } from "@/lib/artifacts/store";
import { getEventStore } from "@/lib/events/live";
import type { EventStore } from "@/lib/events/types";
import { logError } from "@/lib/log/safe-log";
import { EtlSpecSchema, type EtlSpec } from "@/lib/spec/etl-spec";
import { deriveRunView } from "./run-view";

/**
 * The spec a run ended with: the stored one (repairs included), else the one its events planned;
 * null when neither holds a valid spec. An unreachable artifact store falls back to the events
 * rather than failing the caller.
 */
export async function loadRunSpec(
  runId: string,
  { artifacts = getArtifactStore(), events = getEventStore() }: { artifacts?: ArtifactStore; events?: EventStore } = {},
): Promise<EtlSpec | null> {
  const saved = await artifacts
    .get(runId, "spec.json")
    .catch((error: unknown) => logError(`spec of run ${runId} could not be read`, error));
  const candidate = saved ? JSON.parse(saved.toString("utf8")) : deriveRunView(await events.listAfter(runId, 0)).spec;
  const parsed = EtlSpecSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
