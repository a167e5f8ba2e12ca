import { executeRun } from "@/agents/runner";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { BACKFILL_STEPS, backfillPipeline } from "@/lib/pipelines/backfill";
import { CliError, formatTable } from "./output";
import { pipelineName, splitAssignments, type PipelineContext } from "./pipeline";
import { printProgress } from "./run";

/** `pipeline backfill N --param d=FROM..TO --every day|week|month [--param k=v …] [--json]`. */
export async function backfillPipelineCommand(context: PipelineContext): Promise<number> {
  const pipeline = await getPipelineForUser({ ref: pipelineName(context), user: context.user });
  const every = context.values.every as string | undefined;
  if (!every || !(BACKFILL_STEPS as readonly string[]).includes(every))
    throw new CliError("--every must be day, week or month.", 2);
  const assignments = splitAssignments(context.params, "name=value, and the date parameter as name=FROM..TO");
  const ranges = assignments.filter(([, value]) => value.includes(".."));
  if (ranges.length !== 1)
    throw new CliError(
      "Give exactly one --param <date parameter>=FROM..TO, e.g. --param month=2024-01-01..2024-03-01.",
      2,
    );
  const [[parameter, range]] = ranges;
  const [from, to] = range.split("..");
  const values = Object.fromEntries(assignments.filter(([, value]) => !value.includes("..")));
  const result = await backfillPipeline({
    pipeline,
    by: context.user,
    parameter,
    from,
    to,
    every: every as (typeof BACKFILL_STEPS)[number],
    values,
    execute: (run) => executeRun({ ...run, onEvent: printProgress }),
    onPeriod: (value, runId) => context.log(`Backfill ${pipeline.name}: ${parameter} = ${value} (run ${runId})`),
  });
  if (context.values.json) {
    process.stdout.write(`${JSON.stringify({ pipeline: pipeline.name, ...result })}\n`);
  } else {
    process.stdout.write(
      formatTable(
        [parameter, "run", "status", "rows", "error"],
        result.runs.map((r) => [r.value, r.runId, r.status, r.rowCount, r.error ?? ""]),
      ),
    );
    const left = result.periods.length - result.runs.length;
    process.stdout.write(
      result.complete
        ? `Backfilled ${result.runs.length} ${every}(s).\n`
        : `Stopped at ${result.runs.at(-1)?.value}: ${left} period(s) not run.\n`,
    );
  }
  return result.complete ? 0 : 1;
}
