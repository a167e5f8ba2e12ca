import type { ArtifactStore } from "@/lib/artifacts/store";
import type { Database } from "@/lib/db/client";
import { saveVerifiedExample } from "@/lib/db/queries/verified-examples";
import type { Run } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { EventStore } from "@/lib/events/types";
import { appWarehouse } from "@/lib/knowledge/app-warehouse";
import { loadRunSpec } from "./run-spec";

export type Verifier = { id: string; email: string; role: "admin" | "member" };

/**
 * Marks a succeeded run's table as right: its prompt and final spec become a verified example
 * of the warehouse, which plans later requests that say the same up to their values. An
 * administrator's example applies to everyone; a member's to their own requests until an
 * administrator approves it on the Knowledge page. The run's timeline records who verified it.
 */
export async function verifyRun({
  run,
  user,
  events,
  artifacts,
  db,
}: {
  run: Pick<Run, "id" | "status" | "prompt" | "rolledBackAt">;
  user: Verifier;
  events: EventStore;
  artifacts?: ArtifactStore;
  db?: Database;
}): Promise<{ approved: boolean }> {
  if (run.status !== "succeeded")
    throw new AppError(
      "conflict",
      `Only a run that succeeded can be verified; this one is ${run.status.replace("_", " ")}. Re-run it first.`,
    );
  if (run.rolledBackAt)
    throw new AppError("conflict", "This run was rolled back, so its table is not in place to vouch for.");
  const spec = await loadRunSpec(run.id, { artifacts, events });
  if (!spec) throw new AppError("conflict", "This run's plan could not be read, so it cannot be kept as an example.");
  const approved = user.role === "admin";
  await saveVerifiedExample({
    db,
    warehouse: appWarehouse(),
    prompt: run.prompt,
    spec,
    createdBy: user.id,
    runId: run.id,
    approved,
  });
  const scope = approved ? "for everyone" : "for your requests until an administrator approves it";
  await events.append(run.id, {
    agent: "orchestrator",
    level: "info",
    message: `Verified by ${user.email}: requests that say the same up to their values are now planned from this run, ${scope}.`,
    payload: { verified: { by: user.email, approved } },
  });
  return { approved };
}
