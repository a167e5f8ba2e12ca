import type { RunOutcome } from "@/agents/orchestrator";
import { createAndRun } from "@/agents/runner";
import { pipelineOptions } from "@/lib/runs/pipeline-options";
import { getOrCreateCliUser } from "@/lib/db/queries/users";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import type { StoredRunEvent } from "@/lib/events/types";
import type { Command } from "./commands";
import { CliError, formatTable } from "./output";
import { printPlanForReview } from "./review";

const MAX_PROMPT = 4000;

/** Prints one run event to stderr as a progress line. */
export function printProgress(event: StoredRunEvent) {
  const mark = { info: "·", success: "✓", warn: "!", error: "✗" }[event.level];
  const time = event.durationMs !== undefined ? ` (${event.durationMs} ms)` : "";
  process.stderr.write(`${mark} ${event.agent.padEnd(12)} ${event.message}${time}\n`);
}

export const runCommand: Command = {
  usage: [
    'Usage: npm run -s datamorph -- run "<prompt>" [--target <table> [--replace]] [--rounds <0-5>] [--engine sql|glue|auto] [--review] [--json]',
    "With --review the run stops after planning and prints the plan; build it with: build <runId> [--spec file.json]",
    "Exit code: 0 succeeded, 1 failed, 2 rejected, 4 waiting for review.",
  ].join("\n"),
  argument: { name: "prompt", multiline: true },
  options: { target: { type: "string" }, replace: { type: "boolean" }, rounds: { type: "string" }, engine: { type: "string" }, review: { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean" } },
  async run({ values, positionals }) {
    const prompt = positionals.join(" ").trim();
    if (!prompt) throw new CliError('Describe the table you want, e.g. run "total order amount per customer"', 2);
    if (prompt.length > MAX_PROMPT) throw new CliError(`The request is too long (${prompt.length} characters; at most ${MAX_PROMPT}).`, 2);
    const rounds = values.rounds === undefined ? undefined : Number(values.rounds);
    if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 0 && rounds <= 5)) throw new CliError("--rounds must be a whole number from 0 to 5.", 2);

    const engine = values.engine;
    if (engine !== undefined && !isEngineRequest(engine)) throw new CliError("--engine must be sql, glue or auto.", 2);

    if (values.replace && values.target === undefined) throw new CliError("--replace needs --target: name the table to replace.", 2);
    const user = await getOrCreateCliUser();
    const options = pipelineOptions({ targetTable: values.target as string | undefined, replace: values.replace === true, review: values.review === true, ...(rounds !== undefined ? { maxRepairRounds: rounds } : {}), ...(engine ? { engine } : {}) });
    const outcome = await createAndRun({ userId: user.id, prompt, options, onEvent: printProgress });

    printOutcome(outcome, { json: values.json === true });
    return exitCodeOf(outcome);
  },
};

/** The contract's exit code of a run: 0 succeeded, 1 failed, 2 rejected, 4 stopped for review. */
export const exitCodeOf = (outcome: Pick<RunOutcome, "status">) => ({ succeeded: 0, failed: 1, rejected: 2, in_review: 4 })[outcome.status];

/** Prints a finished run: one JSON object with `json` (plus `extra` fields), else its tests and one line. */
export function printOutcome(outcome: RunOutcome, { json, extra = {} }: { json: boolean; extra?: Record<string, unknown> }) {
  if (outcome.status === "in_review") return printPlanForReview(outcome, { json });
  if (json) {
    const { runId, status, target, rowCount, spec, sql, tests, error } = outcome;
    process.stdout.write(`${JSON.stringify({ runId, status, target: target ?? null, rowCount: rowCount ?? null, spec: spec ?? null, sql: sql ?? null, tests, ...extra, ...(error ? { error } : {}) })}\n`);
    return;
  }
  if (outcome.tests.length > 0) {
    process.stdout.write(formatTable(["test", "result", "failing", "checks"], outcome.tests.map((t) => [t.name, t.passed ? "pass" : t.blocking ? "FAIL" : "warn", t.failingCount, t.description])));
  }
  const where = outcome.target ? `${outcome.target.schema}.${outcome.target.table}` : "";
  const line = outcome.status === "succeeded" ? `Published ${where}: ${outcome.rowCount?.toLocaleString("en-US")} rows (run ${outcome.runId})` : `${outcome.status === "rejected" ? "Rejected" : "Failed"}: ${outcome.error} (run ${outcome.runId})`;
  process.stdout.write(`${line}\n`);
}
