"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getSql } from "@/lib/db";
import { latestPublishOf } from "@/lib/db/queries/runs";
import { getRunForUser } from "@/lib/runs/access";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import { startRun } from "@/lib/runs/start-run";
import { userAction } from "@/lib/server/action";
import { rollbackTable } from "@/lib/warehouse/tables";

const runIdSchema = z.object({ runId: z.string().uuid("Unknown run.") });

export const rerunAction = userAction("re-run", runIdSchema, async ({ runId }, user) => {
  const run = await getRunForUser({ id: runId, user });
  const id = await startRun({ user, prompt: run.prompt, target: run.targetTable ?? undefined, engine: isEngineRequest(run.engine) ? run.engine : undefined });
  redirect(`/runs/${id}`);
});

export const rollbackAction = userAction("roll back", runIdSchema, async ({ runId }, user) => {
  const run = await getRunForUser({ id: runId, user });
  if (run.status !== "succeeded" || !run.targetSchema || !run.targetTable) return { ok: false, error: "Only a run that published a table can be rolled back." };
  // Rolling back undoes this run's publish; after a newer publish (perhaps someone else's) it would undo theirs.
  const latest = await latestPublishOf({ schema: run.targetSchema, table: run.targetTable });
  if (latest !== run.id) return { ok: false, error: `A newer run has published ${run.targetSchema}.${run.targetTable} since; roll back from that run's page.` };
  const rolledBack = await rollbackTable(getSql(), { schema: run.targetSchema, target: run.targetTable });
  return rolledBack ? { ok: true } : { ok: false, error: `${run.targetSchema}.${run.targetTable} has no previous version to go back to.` };
});
