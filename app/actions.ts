"use server";

import { redirect } from "next/navigation";
import { getRunStarter } from "@/agents/run-starter";
import { userAction } from "@/lib/server/action";
import { startRun, startRunSchema } from "@/lib/runs/start-run";

export const startRunAction = userAction("start-run", startRunSchema, async (input, user) => {
  const id = await startRun({ user, ...input, starter: getRunStarter() });
  redirect(`/runs/${id}`);
});
