import type { Pipeline } from "@/lib/db/schema";
import { getPipeline } from "@/lib/db/queries/pipelines";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/tables/actor";

/** Whether `user` may see and run `pipeline`: its owner, or an administrator. */
export const mayUsePipeline = (user: Pick<Actor, "id" | "role">, pipeline: Pick<Pipeline, "userId">) =>
  user.role === "admin" || pipeline.userId === user.id;

/**
 * The pipeline named or numbered `ref`, if `user` may use it. Someone else's pipeline answers
 * "not found", like a run, so its existence is not revealed.
 */
export async function getPipelineForUser({
  ref,
  user,
}: {
  ref: string;
  user: Pick<Actor, "id" | "role">;
}): Promise<Pipeline> {
  const pipeline = await getPipeline({ ref });
  if (!pipeline || !mayUsePipeline(user, pipeline))
    throw new AppError("not_found", `No pipeline "${ref}". It may belong to someone else, or the name is wrong.`);
  return pipeline;
}
