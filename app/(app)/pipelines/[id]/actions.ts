"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getRunStarter } from "@/agents/run-starter";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { deletePipeline } from "@/lib/pipelines/delete-pipeline";
import { getPipelineOwner, startPipelineRun } from "@/lib/pipelines/start-pipeline-run";
import { getPipelineVersion } from "@/lib/db/queries/pipelines";
import { AppError } from "@/lib/errors";
import { editPipeline } from "@/lib/pipelines/save-pipeline";
import { slotPath } from "@/lib/pipelines/web-input";
import { changeSchedule, startBackfill } from "@/lib/pipelines/web-actions";
import { userAction } from "@/lib/server/action";

const pipelineIdSchema = z.object({ pipelineId: z.string().uuid("Unknown pipeline.") });

// Fields "param.<name>" carry the values of this run; the others keep their defaults.
export const runPipelineAction = userAction(
  "run pipeline",
  pipelineIdSchema.catchall(z.string().max(500)),
  async ({ pipelineId, ...fields }, user) => {
    const pipeline = await getPipelineForUser({ ref: pipelineId, user });
    const values = Object.fromEntries(
      Object.entries(fields)
        .filter(([key]) => key.startsWith("param."))
        .map(([key, value]) => [key.slice("param.".length), value]),
    );
    const runId = await startPipelineRun({ pipeline, by: user, values, trigger: "manual", starter: getRunStarter() });
    redirect(`/runs/${runId}`);
  },
);

const scheduleFormSchema = pipelineIdSchema.extend({
  cron: z.string().max(200),
  timezone: z.string().max(100).default("UTC"),
  catchUp: z
    .enum(["run_once", "skip"], { error: "Choose whether missed firings run once or are skipped." })
    .default("run_once"),
});

export const scheduleAction = userAction(
  "schedule pipeline",
  scheduleFormSchema,
  async ({ pipelineId, ...input }, user) => {
    const pipeline = await getPipelineForUser({ ref: pipelineId, user });
    const next = await changeSchedule(pipeline, input);
    revalidatePath(`/pipelines/${pipelineId}`);
    return {
      ok: true,
      notice: `Scheduled; it fires next at ${next?.toISOString().slice(0, 19).replace("T", " ")} UTC.`,
    };
  },
);

export const pauseAction = userAction(
  "pause schedule",
  pipelineIdSchema.extend({ paused: z.enum(["true", "false"]) }),
  async ({ pipelineId, paused }, user) => {
    const pipeline = await getPipelineForUser({ ref: pipelineId, user });
    await changeSchedule(pipeline, { paused: paused === "true" });
    revalidatePath(`/pipelines/${pipelineId}`);
    return { ok: true, notice: paused === "true" ? "Paused." : "Resumed." };
  },
);

const backfillFormSchema = pipelineIdSchema.extend({
  parameter: z.string().max(100),
  from: z.string().max(20),
  to: z.string().max(20),
  every: z.enum(["day", "week", "month"], { error: "Choose day, week or month." }),
});

export const backfillAction = userAction(
  "backfill pipeline",
  backfillFormSchema,
  async ({ pipelineId, ...input }, user) => {
    const pipeline = await getPipelineForUser({ ref: pipelineId, user });
    const periods = await startBackfill(pipeline, user, { ...input, parameters: {} }, getRunStarter());
    revalidatePath(`/pipelines/${pipelineId}`);
    return {
      ok: true,
      notice: `Backfilling ${periods.length} ${input.every}(s), ${periods[0]} to ${periods.at(-1)}: the runs appear in the history one after another.`,
    };
  },
);

// Fields "param.<slot>" name the parameter that stands for that value of the spec, as when saving.
const editSchema = pipelineIdSchema
  .extend({ target: z.string().max(200).optional(), note: z.string().max(500).optional() })
  .catchall(z.string().max(200));

export const editPipelineAction = userAction(
  "edit pipeline",
  editSchema,
  async ({ pipelineId, target, note, ...fields }, user) => {
    const pipeline = await getPipelineForUser({ ref: pipelineId, user });
    const current = await getPipelineVersion({ pipelineId: pipeline.id, version: pipeline.currentVersion });
    if (!current) throw new AppError("not_found", "This pipeline has no current version.");
    const parameters = Object.entries(fields)
      .filter(([key, value]) => key.startsWith("param.") && typeof value === "string" && value.trim() !== "")
      .map(([key, value]) => ({ name: String(value).trim(), path: slotPath(key.slice("param.".length)) }));
    const version = await editPipeline({
      pipeline,
      current,
      owner: await getPipelineOwner(pipeline),
      user,
      parameters,
      targetTable: target?.trim() || undefined,
      note: note?.trim() || `Edited by ${user.email}`,
    });
    revalidatePath(`/pipelines/${pipelineId}`);
    return { ok: true, notice: `Saved as version ${version.version}; earlier versions are kept.` };
  },
);

// The pipeline goes with its versions and schedule; the runs it made and the tables they built stay.
export const deletePipelineAction = userAction("delete pipeline", pipelineIdSchema, async ({ pipelineId }, user) => {
  const pipeline = await getPipelineForUser({ ref: pipelineId, user });
  await deletePipeline({ pipeline });
  revalidatePath("/pipelines");
  redirect(`/pipelines?deleted=${encodeURIComponent(pipeline.name)}`);
});
