"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getSql } from "@/lib/db";
import { getEventStore } from "@/lib/events/live";
import { getRunForUser } from "@/lib/runs/access";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import { startRun } from "@/lib/runs/start-run";
import { userAction } from "@/lib/server/action";
import { rollbackRun } from "@/lib/tables/rollback-run";

const runIdSchema = z.object({ runId: z.string().uuid("Unknown run.") });

// A re-run rebuilds the run's own table: it asks to replace it, under the same rules as any run.
export const rerunAction = userAction("re-run", runIdSchema, async ({ runId }, user) => {
  const run = await getRunForUser({ id: runId, user });
  const id = await startRun({ user, prompt: run.prompt, target: run.targetTable ?? undefined, replace: run.targetTable !== null, engine: isEngineRequest(run.engine) ? run.engine : undefined });
  redirect(`/runs/${id}`);
});

export const rollbackAction = userAction("roll back", runIdSchema, async ({ runId }, user) => {
  const run = await getRunForUser({ id: runId, user });
  await rollbackRun({ sql: getSql(), events: getEventStore(), run, user });
  revalidatePath(`/runs/${runId}`);
  return { ok: true };
});
