import { z } from "zod";
import { getArtifactStore } from "@/lib/artifacts/current";
import type { SessionUser } from "@/lib/auth/session";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { getRoleClients } from "@/lib/db";
import { resumePausedRun } from "@/lib/db/queries/runs";
import type { Run } from "@/lib/db/schema";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { checkEditedSpec, type PlanIssue } from "@/lib/review/check-plan";
import { saveReviewRequest } from "@/lib/review/review-request";
import type { StartableRun } from "@/lib/runs/lambda-invoker";
import { pipelineOptions } from "@/lib/runs/pipeline-options";
import { getRunForUser } from "@/lib/runs/access";
import { diffSpecs } from "@/lib/spec/diff";
import type { EtlSpec } from "@/lib/spec/etl-spec";

/** `POST /api/runs/<id>/plan`: the plan as the person left it; without `spec`, the plan as planned. */
export const buildPlanSchema = z.object({ spec: z.record(z.string(), z.unknown()).optional() });

/** An edited plan that cannot be built: nothing changed, and each issue names its clause. */
export class PlanCheckError extends AppError {
  constructor(readonly issues: PlanIssue[]) {
    super(
      "bad_request",
      `The plan cannot be built as edited: ${issues.map((i) => `${i.clause}: ${i.message}`).join("; ")}.`,
    );
  }
}

/** The plan a run stored (the planner's, or the reviewed one), if any. */
export async function readRunSpec(runId: string): Promise<EtlSpec | null> {
  const saved = await getArtifactStore().get(runId, "spec.json");
  return saved ? (JSON.parse(saved.toString("utf8")) as EtlSpec) : null;
}

/**
 * Checks an edited plan against today's catalog as any plan is checked; throws `PlanCheckError`
 * naming each clause that cannot be built. The target stays the planned one: the name is chosen
 * when the run starts, under the rules on replacing tables.
 */
export async function checkPlanEdit({ planned, edited }: { planned: EtlSpec; edited: unknown }): Promise<EtlSpec> {
  const catalog = await readCatalog((await getRoleClients()).reader, getEnv().sourceSchemas);
  const input =
    typeof edited === "object" && edited !== null && !Array.isArray(edited)
      ? { ...edited, target: planned.target }
      : edited;
  const checked = checkEditedSpec(input, { prompt: planned.prompt, catalog });
  if (!checked.ok) throw new PlanCheckError(checked.issues);
  return checked.spec;
}

/**
 * Readies the build of a run waiting for review: checks the (edited) plan, then moves the run
 * from `in_review` to `queued` (once: a second Build is refused) and records the reviewed plan
 * beside it. The caller starts the returned run; the timeline then says who reviewed the plan.
 */
export async function prepareReviewedBuild({
  user,
  runId,
  spec,
}: {
  user: SessionUser;
  runId: string;
  spec?: unknown;
}): Promise<StartableRun & { run: Run }> {
  const run = await getRunForUser({ id: runId, user });
  const notInReview = () =>
    new AppError("conflict", `This run is ${run.status}, not waiting for review: only a plan in review can be built.`);
  if (run.status !== "in_review") throw notInReview();
  const planned = await readRunSpec(run.id);
  if (!planned) throw new AppError("conflict", "This run has no plan to build; start it again.");
  const checked = await checkPlanEdit({ planned, edited: spec ?? planned });
  if (!(await resumePausedRun({ id: run.id, from: "in_review" }))) throw notInReview();
  // Counted as a person sees them: the request's words a changed clause drops are part of that change.
  const changes = diffSpecs(planned, checked).filter((change) => !/\.(phrase|renamePhrase)$/.test(change.path)).length;
  const reviewed = { spec: checked, by: user.email, changes };
  await saveReviewRequest(getArtifactStore(), run.id, { reviewed });
  const options = pipelineOptions({
    targetTable: run.targetTable ?? undefined,
    replace: run.replaceTarget,
    reviewed,
    ...(isEngineRequest(run.engine) ? { engine: run.engine } : {}),
  });
  return { run, runId: run.id, prompt: run.prompt, options };
}
