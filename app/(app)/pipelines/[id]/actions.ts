"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { startPipelineRun } from "@/lib/pipelines/start-pipeline-run";
import { getRunStarter } from "@/lib/runs/start-run";
import { userAction } from "@/lib/server/action";

const pipelineIdSchema = z.object({ pipelineId: z.string().uuid("Unknown pipeline.") });

// Fields "param.<name>" carry the values of this run; the others keep their defaults.
export const runPipelineAction = userAction("run pipeline", pipelineIdSchema.catchall(z.string().max(500)), async ({ pipelineId, ...fields }, user) => {
  const pipeline = await getPipelineForUser({ ref: pipelineId, user });
  const values = Object.fromEntries(Object.entries(fields).filter(([key]) => key.startsWith("param.")).map(([key, value]) => [key.slice("param.".length), value]));
  const runId = await startPipelineRun({ pipeline, by: user, values, trigger: "manual", starter: getRunStarter() });
  redirect(`/runs/${runId}`);
});
