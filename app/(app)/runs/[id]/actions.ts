"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getRunStarter } from "@/agents/run-starter";
import { getRoleClients } from "@/lib/db";
import { getEventStore } from "@/lib/events/live";
import { getRunForUser } from "@/lib/runs/access";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import { startRun } from "@/lib/runs/start-run";
import { userAction } from "@/lib/server/action";
import { rollbackRun } from "@/lib/tables/rollback-run";
import { savePipelineFromRun } from "@/lib/pipelines/save-pipeline";
import { slotPath } from "@/lib/pipelines/web-input";
import { verifyRun } from "@/lib/runs/verify-run";

const runIdSchema = z.object({ runId: z.string().uuid("Unknown run.") });

// A re-run rebuilds the run's own table: it asks to replace it, under the same rules as any run.
export const rerunAction = userAction("re-run", runIdSchema, async ({ runId }, user) => {
  const run = await getRunForUser({ id: runId, user });
  const id = await startRun({
    user,
    prompt: run.prompt,
    target: run.targetTable ?? undefined,
    replace: run.targetTable !== null,
    engine: isEngineRequest(run.engine) ? run.engine : undefined,
    starter: getRunStarter(),
  });
  redirect(`/runs/${id}`);
});

export const rollbackAction = userAction("roll back", runIdSchema, async ({ runId }, user) => {
  const run = await getRunForUser({ id: runId, user });
  await rollbackRun({ sql: (await getRoleClients()).builder, events: getEventStore(), run, user });
  revalidatePath(`/runs/${runId}`);
  return { ok: true };
});

// Fields "param.<slot>" name the parameter that stands for that value of the spec; blank ones stay fixed.
const saveSchema = z
  .object({ runId: z.string().uuid("Unknown run."), name: z.string().max(200), target: z.string().max(200).optional() })
  .catchall(z.string().max(200));

export const savePipelineAction = userAction(
  "save as pipeline",
  saveSchema,
  async ({ runId, name, target, ...fields }, user) => {
    const run = await getRunForUser({ id: runId, user });
    const parameters = Object.entries(fields)
      .filter(([key, value]) => key.startsWith("param.") && typeof value === "string" && value.trim() !== "")
      .map(([key, value]) => ({ name: String(value).trim(), path: slotPath(key.slice("param.".length)) }));
    const { pipeline } = await savePipelineFromRun({
      run,
      user,
      name,
      parameters,
      targetTable: target?.trim() || undefined,
    });
    redirect(`/pipelines/${pipeline.id}`);
  },
);

// A person vouches for the table: later requests that say the same up to their values reuse its plan.
export const verifyRunAction = userAction("mark as verified", runIdSchema, async ({ runId }, user) => {
  const run = await getRunForUser({ id: runId, user });
  const { approved } = await verifyRun({ run, user, events: getEventStore() });
  revalidatePath(`/runs/${runId}`);
  return {
    ok: true,
    notice: approved
      ? "Verified: requests that say the same up to their values are now planned from this run, for everyone."
      : "Verified for your requests; an administrator can approve it for everyone on the Knowledge page.",
  };
});
