import { z } from "zod";
import { executeRun, pipelineOptions } from "@/agents/runner";
import type { SessionUser } from "@/lib/auth/session";
import { createRun, updateRun } from "@/lib/db/queries/runs";
import { SnakeNameSchema } from "@/lib/spec/clauses";

export const startRunSchema = z.object({
  prompt: z.string().trim().min(1, "Describe the table you want.").max(4000, "Keep the request under 4,000 characters."),
  target: z.preprocess((v) => (v === "" ? undefined : v), SnakeNameSchema.optional()),
});

export type StartRunInput = z.infer<typeof startRunSchema>;

/**
 * Creates a run and starts it without waiting: in-process here (the run keeps going after the
 * request has been answered). Returns the run id at once, so the caller can show it live.
 */
export async function startRun({ user, prompt, target }: StartRunInput & { user: SessionUser }): Promise<string> {
  const run = await createRun({ userId: user.id, prompt, targetTable: target });
  void executeRun({ runId: run.id, prompt, options: pipelineOptions({ targetTable: target }) }).catch(async (error: unknown) => {
    console.error(`[datamorph] run ${run.id} crashed:`, error);
    await updateRun({ id: run.id, status: "failed", error: "The run stopped on an internal error; the target was left unchanged.", finishedAt: new Date() }).catch(() => {});
  });
  return run.id;
}
