import type { Database } from "@/lib/db/client";
import type { Run } from "@/lib/db/schema";
import { getLaterPublisher, getUserEmail, type TableAuthor } from "@/lib/db/queries/tables";

/** Whether a run's published version is the one in place, and if not, why not. */
export type PublishState =
  | { kind: "none" }
  | { kind: "current" }
  | { kind: "rolled-back"; at: Date; by: string | null }
  | { kind: "replaced"; by: TableAuthor };

/**
 * What became of the table a run published: still its version, rolled back, or replaced by a
 * later run. A run page shows the table's rows only while they are the run's own.
 */
export async function getPublishState({ run, db }: { run: Run; db?: Database }): Promise<PublishState> {
  if (run.status !== "succeeded" || !run.targetSchema || !run.targetTable) return { kind: "none" };
  if (run.rolledBackAt)
    return {
      kind: "rolled-back",
      at: run.rolledBackAt,
      by: run.rolledBackBy ? await getUserEmail({ id: run.rolledBackBy, db }) : null,
    };
  const later = await getLaterPublisher({ run, db });
  return later ? { kind: "replaced", by: later } : { kind: "current" };
}
