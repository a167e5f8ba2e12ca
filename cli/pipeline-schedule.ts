import { getRunById } from "@/lib/db/queries/runs";
import { getEnv } from "@/lib/env";
import type { CatchUp } from "@/lib/db/queries/pipeline-schedules";
import { getPipelineForUser } from "@/lib/pipelines/access";
import { pauseSchedule, resumeSchedule, schedulePipeline } from "@/lib/pipelines/schedule-pipeline";
import { createScheduler } from "@/lib/pipelines/scheduler";
import { inProcessStarter } from "@/agents/run-starter";
import type { RunStarter } from "@/lib/runs/lambda-invoker";
import { CliError } from "./output";
import { pipelineName, type PipelineContext } from "./pipeline";

/** `pipeline schedule N --cron "<expr>" [--tz Z] [--catch-up run-once|skip]` / `--pause` / `--resume`. */
export async function schedulePipelineCommand(context: PipelineContext): Promise<number> {
  const { values } = context;
  const pipeline = await getPipelineForUser({ ref: pipelineName(context), user: context.user });
  const chosen = [values.cron !== undefined, values.pause === true, values.resume === true].filter(Boolean).length;
  if (chosen !== 1) throw new CliError('Give one of --cron "<expr>" [--tz <zone>], --pause or --resume.', 2);
  const say = (line: string, facts: Record<string, unknown>) =>
    process.stdout.write(values.json ? `${JSON.stringify({ pipeline: pipeline.name, ...facts })}\n` : `${line}\n`);
  if (values.pause) {
    await pauseSchedule({ pipeline });
    say(`Paused the schedule of ${pipeline.name}.`, { paused: true });
    return 0;
  }
  if (values.resume) {
    const next = await resumeSchedule({ pipeline });
    say(`Resumed ${pipeline.name}; it fires next at ${next.toISOString()}.`, {
      paused: false,
      nextFireAt: next.toISOString(),
    });
    return 0;
  }
  const catchUp = values["catch-up"] === undefined ? "run_once" : String(values["catch-up"]).replace("-", "_");
  if (catchUp !== "run_once" && catchUp !== "skip") throw new CliError("--catch-up must be run-once or skip.", 2);
  const timezone = (values.tz as string | undefined) ?? "UTC";
  const next = await schedulePipeline({ pipeline, cron: values.cron as string, timezone, catchUp: catchUp as CatchUp });
  say(`Scheduled ${pipeline.name}: "${values.cron}" in ${timezone}; it fires next at ${next.toISOString()}.`, {
    cron: values.cron,
    timezone,
    catchUp,
    nextFireAt: next.toISOString(),
  });
  return 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `pipeline scheduler [--for <seconds>]`: fires the schedules from this process, as the web app
 * does, until stopped (Ctrl-C, SIGTERM) or for the given time; then lets its runs finish.
 */
export async function schedulerCommand({ values, log }: PipelineContext): Promise<number> {
  if (getEnv().schedules)
    throw new CliError(
      "EventBridge Scheduler fires this deployment's schedules (DATAMORPH_SCHEDULE_GROUP is set); no scheduler runs here.",
      2,
    );
  const seconds = values.for === undefined ? undefined : Number(values.for);
  if (seconds !== undefined && !(seconds > 0 && seconds <= 86_400))
    throw new CliError("--for must be a number of seconds from 1 to 86400.", 2);
  const started: string[] = [];
  const starter: RunStarter = async (run) => {
    started.push(run.runId);
    await inProcessStarter(run);
  };
  const scheduler = createScheduler({ starter, log });
  scheduler.start();
  log(`Scheduler ${scheduler.holder} started${seconds ? ` for ${seconds} s` : "; stop it with Ctrl-C"}.`);
  await new Promise<void>((resolve) => {
    const done = () => resolve();
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
    if (seconds) setTimeout(done, seconds * 1000);
  });
  await scheduler.stop();
  // Runs started here live in this process: wait for them before the connections close.
  for (const runId of started) {
    while (["queued", "running"].includes((await getRunById({ id: runId }))?.status ?? "")) await sleep(200);
  }
  log(`Scheduler stopped; it started ${started.length} run(s).`);
  if (values.json) process.stdout.write(`${JSON.stringify({ holder: scheduler.holder, runs: started })}\n`);
  return 0;
}
