import type { SessionUser } from "@/lib/auth/session";
import { getRunById } from "@/lib/db/queries/runs";
import type { Run } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * The run, if `user` may see it: their own, or any run for an administrator. Someone else's run
 * answers "not found", so its existence is not revealed.
 */
export async function getRunForUser({ id, user }: { id: string; user: SessionUser }): Promise<Run> {
  const run = await getRunById({ id });
  if (!run || (run.userId !== user.id && user.role !== "admin"))
    throw new AppError("not_found", "No such run. It may belong to someone else, or the link is wrong.");
  return run;
}
