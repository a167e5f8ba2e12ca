import { getOrCreateCliUser } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/tables/actor";
import type { Command, CommandContext } from "./commands";
import { CliError } from "./output";

const USAGE = [
  "Usage: npm run -s datamorph -- pipeline <command> …",
  "  save <runId> --name <name> [--param <name>=<type>:<default> …] [--target <table>]",
  "                          save a succeeded run as a pipeline; a parameter (type text, number, date",
  "                          or boolean) stands for the spec's values equal to its default; the target",
  "                          may use {{name}} (e.g. sales_{{country}})",
  "  list [--json]           the pipelines you may run",
  "  show <name> [--json]    versions, parameters, schedule and latest runs",
  "  run <name> [--param <name>=<value> …] [--json]",
  "                          run the current version now (exit codes as `run`)",
  "  history <name> [--limit <n>] [--json]",
  "                          the pipeline's runs, newest first",
  '  schedule <name> --cron "<expr>" [--tz <zone>] [--catch-up run-once|skip]',
  "                          run it on a cron schedule (5 fields, or 6 with seconds) in a time zone;",
  "                          firings missed while no scheduler ran run once (or are skipped)",
  "  schedule <name> --pause | --resume",
  "  backfill <name> --param <date param>=<from>..<to> --every day|week|month [--param k=v …] [--json]",
  "                          one run per period, oldest first, stopping at the first failure",
  "  delete <name> [--json]  delete the pipeline, its versions and schedule (its runs and tables stay)",
  "  sync-schedules [--json]  (AWS) write every schedule to EventBridge as the database holds it",
  "  scheduler [--for <seconds>]",
  "                          fire the schedules from this process (the web app does too)",
  "Exit code: 0 done, 1 failed, 2 refused (bad input, unknown pipeline, a run already in progress).",
].join("\n");

/** What each pipeline command gets: the parsed arguments and the CLI's own account. */
export type PipelineContext = CommandContext & { user: Actor; params: string[] };

const SUBCOMMANDS: Record<string, () => Promise<(context: PipelineContext) => Promise<number>>> = {
  save: () => import("./pipeline-save").then((m) => m.savePipelineCommand),
  list: () => import("./pipeline-show").then((m) => m.listPipelinesCommand),
  show: () => import("./pipeline-show").then((m) => m.showPipelineCommand),
  history: () => import("./pipeline-show").then((m) => m.pipelineHistoryCommand),
  run: () => import("./pipeline-run").then((m) => m.runPipelineCommand),
  schedule: () => import("./pipeline-schedule").then((m) => m.schedulePipelineCommand),
  scheduler: () => import("./pipeline-schedule").then((m) => m.schedulerCommand),
  backfill: () => import("./pipeline-backfill").then((m) => m.backfillPipelineCommand),
  delete: () => import("./pipeline-delete").then((m) => m.deletePipelineCommand),
  "sync-schedules": () => import("./pipeline-sync").then((m) => m.syncSchedulesCommand),
};

/** Splits `name=value` arguments; the value may hold further `=`. */
export function splitAssignments(params: string[], what: string): [string, string][] {
  return params.map((param) => {
    const at = param.indexOf("=");
    if (at <= 0) throw new CliError(`--param ${param}: write ${what}.`, 2);
    return [param.slice(0, at), param.slice(at + 1)];
  });
}

/** The one pipeline name a command takes after its verb. */
export function pipelineName({ positionals }: Pick<CommandContext, "positionals">): string {
  const name = positionals.slice(1).join(" ").trim();
  if (!name) throw new CliError(`Name the pipeline, e.g. pipeline ${positionals[0]} "Monthly sales"`, 2);
  return name;
}

export const pipelineCommand: Command = {
  usage: USAGE,
  argument: { name: "pipeline command" },
  options: {
    name: { type: "string" },
    param: { type: "string", multiple: true },
    target: { type: "string" },
    limit: { type: "string" },
    cron: { type: "string" },
    tz: { type: "string" },
    "catch-up": { type: "string" },
    pause: { type: "boolean" },
    resume: { type: "boolean" },
    every: { type: "string" },
    for: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean" },
  },
  async run(context) {
    const [verb] = context.positionals;
    const load = verb && Object.hasOwn(SUBCOMMANDS, verb) ? SUBCOMMANDS[verb] : undefined;
    if (!load) throw new CliError(`Unknown pipeline command "${verb ?? ""}".\n${USAGE}`, 2);
    const params = (context.values.param as string[] | undefined) ?? [];
    const user = await getOrCreateCliUser();
    try {
      return await (await load())({ ...context, params, user: { id: user.id, email: user.email, role: user.role } });
    } catch (error) {
      // Refusals (bad input, unknown pipeline, a run in progress) are exit 2, as `run` refuses.
      if (error instanceof AppError && error.code !== "internal" && error.code !== "unavailable")
        throw new CliError(error.message, 2);
      throw error;
    }
  },
};
