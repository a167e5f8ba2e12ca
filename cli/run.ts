import type { RunOutcome } from "@/agents/orchestrator";
import { createAndRun, executeRun } from "@/agents/runner";
import { getArtifactStore } from "@/lib/artifacts/current";
import { getEventStore } from "@/lib/events/live";
import { recordAnswers } from "@/lib/runs/answer-run";
import { pipelineOptions, type PipelineOptions } from "@/lib/runs/pipeline-options";
import { askInTerminal, isInteractive } from "./ask-interactively";
import { getOrCreateCliUser } from "@/lib/db/queries/users";
import { isEngineRequest } from "@/lib/engines/choose-engine";
import type { EventStore, StoredRunEvent } from "@/lib/events/types";
import type { Command } from "./commands";
import { CliError, formatTable } from "./output";
import { printPlanForReview } from "./review";

const MAX_PROMPT = 4000;

/** The event store, printing each event it stores as a progress line (answers and knowledge saved by the CLI). */
export function printingEventStore(): EventStore {
  const store = getEventStore();
  return {
    ...store,
    append: async (runId, event) => {
      const stored = await store.append(runId, event);
      printProgress(stored);
      return stored;
    },
  };
}

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
    "Exit code: 0 succeeded, 1 failed, 2 rejected, 3 needs input (answer with: datamorph answer <runId> <questionId>=<choiceId> …), 4 waiting for review.",
    "Without --json in a terminal, questions are asked there.",
  ].join("\n"),
  argument: { name: "prompt", multiline: true },
  options: {
    target: { type: "string" },
    replace: { type: "boolean" },
    rounds: { type: "string" },
    engine: { type: "string" },
    review: { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean" },
  },
  async run({ values, positionals }) {
    const prompt = positionals.join(" ").trim();
    if (!prompt) throw new CliError('Describe the table you want, e.g. run "total order amount per customer"', 2);
    if (prompt.length > MAX_PROMPT)
      throw new CliError(`The request is too long (${prompt.length} characters; at most ${MAX_PROMPT}).`, 2);
    const rounds = values.rounds === undefined ? undefined : Number(values.rounds);
    if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 0 && rounds <= 5))
      throw new CliError("--rounds must be a whole number from 0 to 5.", 2);

    const engine = values.engine;
    if (engine !== undefined && !isEngineRequest(engine)) throw new CliError("--engine must be sql, glue or auto.", 2);

    if (values.replace && values.target === undefined)
      throw new CliError("--replace needs --target: name the table to replace.", 2);
    const user = await getOrCreateCliUser();
    const options = pipelineOptions({
      targetTable: values.target as string | undefined,
      replace: values.replace === true,
      review: values.review === true,
      ...(rounds !== undefined ? { maxRepairRounds: rounds } : {}),
      ...(engine ? { engine } : {}),
    });
    const outcome = await createAndRun({ userId: user.id, prompt, options, onEvent: printProgress });
    return finishRun(outcome, { json: values.json === true, prompt, options });
  },
};

/**
 * Prints a run that stopped and returns its exit code. A run waiting on questions is asked
 * about in the terminal when a person is there (not with --json) and carried on with the
 * answers, as often as it asks; otherwise its questions are printed and it exits with 3.
 */
export async function finishRun(
  first: RunOutcome,
  { json, prompt, options }: { json: boolean; prompt: string; options: PipelineOptions },
): Promise<number> {
  let outcome = first;
  while (outcome.status === "needs_input" && !json && isInteractive()) {
    const answers = await askInTerminal(outcome.questions ?? []);
    if (!answers) break;
    await recordAnswers({
      run: { id: outcome.runId, status: "needs_input" },
      answers,
      artifacts: getArtifactStore(),
      events: printingEventStore(),
    });
    outcome = await executeRun({ runId: outcome.runId, prompt, options, onEvent: printProgress });
  }
  printOutcome(outcome, { json });
  return exitCodeOf(outcome);
}

/** The contract's exit code of a stopped run: 0 succeeded, 1 failed, 2 rejected, 3 needs input, 4 stopped for review. */
export const exitCodeOf = (outcome: Pick<RunOutcome, "status">) =>
  ({ succeeded: 0, failed: 1, rejected: 2, needs_input: 3, in_review: 4 })[outcome.status];

/** Prints a finished run: one JSON object with `json` (plus `extra` fields), else its tests and one line. */
export function printOutcome(
  outcome: RunOutcome,
  { json, extra = {} }: { json: boolean; extra?: Record<string, unknown> },
) {
  if (outcome.status === "needs_input") return printQuestions(outcome, json);
  if (outcome.status === "in_review") return printPlanForReview(outcome, { json });
  if (json) {
    const { runId, status, target, rowCount, spec, sql, tests, error, nextSteps } = outcome;
    process.stdout.write(
      `${JSON.stringify({ runId, status, target: target ?? null, rowCount: rowCount ?? null, spec: spec ?? null, sql: sql ?? null, tests, ...extra, ...(error ? { error } : {}), ...(nextSteps ? { nextSteps } : {}) })}\n`,
    );
    return;
  }
  if (outcome.tests.length > 0) {
    process.stdout.write(
      formatTable(
        ["test", "result", "failing", "checks"],
        outcome.tests.map((t) => [
          t.name,
          t.passed ? "pass" : t.blocking ? "FAIL" : "warn",
          t.failingCount,
          t.description,
        ]),
      ),
    );
  }
  const where = outcome.target ? `${outcome.target.schema}.${outcome.target.table}` : "";
  const line =
    outcome.status === "succeeded"
      ? `Published ${where}: ${outcome.rowCount?.toLocaleString("en-US")} rows (run ${outcome.runId})`
      : `${outcome.status === "rejected" ? "Rejected" : "Failed"}: ${outcome.error} (run ${outcome.runId})`;
  process.stdout.write(`${line}\n`);
  for (const step of outcome.nextSteps ?? []) process.stdout.write(`  Try: "${step.prompt}" (${step.why})\n`);
}

/** A run waiting on questions: `{ runId, status, questions }` with --json, else the questions and how to answer. */
function printQuestions({ runId, questions = [] }: RunOutcome, json: boolean) {
  if (json) {
    process.stdout.write(`${JSON.stringify({ runId, status: "needs_input", questions })}\n`);
    return;
  }
  for (const q of questions) {
    process.stdout.write(`${q.text} (question ${q.id})\n`);
    for (const c of q.choices) process.stdout.write(`  ${c.id}: ${c.label} — ${c.reading}\n`);
  }
  process.stdout.write(
    `Needs input: answer with npm run -s datamorph -- answer ${runId} ${questions.map((q) => `${q.id}=<choice>`).join(" ")} (run ${runId})\n`,
  );
}
