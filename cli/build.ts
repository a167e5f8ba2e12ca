import { readFile } from "node:fs/promises";
import { executeRun } from "@/agents/runner";
import { getOrCreateCliUser } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { PlanCheckError, prepareReviewedBuild } from "@/lib/runs/review-run";
import type { Command } from "./commands";
import { CliError } from "./output";
import { exitCodeOf, printOutcome, printProgress } from "./run";

const MAX_SPEC_BYTES = 256 * 1024;

async function readSpecFile(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new CliError(`Cannot read ${file}.`, 2);
  });
  if (Buffer.byteLength(text) > MAX_SPEC_BYTES)
    throw new CliError(`${file} is larger than 256 kB; a plan is far smaller.`, 2);
  try {
    const parsed = JSON.parse(text) as unknown;
    // `run --review --json` prints { runId, status, spec, … }: its output is accepted as it is.
    return typeof parsed === "object" && parsed !== null && "spec" in parsed && "runId" in parsed
      ? (parsed as { spec: unknown }).spec
      : parsed;
  } catch {
    throw new CliError(`${file} is not JSON: save the spec as printed by run --review --json.`, 2);
  }
}

export const buildCommand: Command = {
  usage: [
    "Usage: npm run -s datamorph -- build <runId> [--spec <file.json>] [--json]",
    "",
    "Builds the plan of a run that stopped for review (run --review): as planned, or as edited in",
    "the file (checked like any plan first). Prints what run prints. Exit code: 0 succeeded,",
    "1 failed, 2 rejected (the edited plan cannot be built, or the run is not waiting for review).",
  ].join("\n"),
  argument: { name: "run id" },
  options: { spec: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } },
  async run({ values, positionals }) {
    const runId = positionals[0];
    if (!runId || positionals.length > 1)
      throw new CliError("Name the run to build, e.g. build <runId> (run --review prints it).", 2);
    const spec = typeof values.spec === "string" ? await readSpecFile(values.spec) : undefined;
    const cli = await getOrCreateCliUser();
    let prepared: Awaited<ReturnType<typeof prepareReviewedBuild>>;
    try {
      prepared = await prepareReviewedBuild({
        user: { id: cli.id, email: cli.email, name: cli.email, role: cli.role },
        runId,
        spec,
      });
    } catch (error) {
      if (error instanceof PlanCheckError)
        throw new CliError(
          [
            "The plan cannot be built as edited; nothing was changed:",
            ...error.issues.map((i) => `  ${i.clause}: ${i.message}`),
          ].join("\n"),
          2,
        );
      if (error instanceof AppError) throw new CliError(error.message, 2);
      throw error;
    }
    const outcome = await executeRun({
      runId: prepared.runId,
      prompt: prepared.prompt,
      options: prepared.options,
      onEvent: printProgress,
    });
    printOutcome(outcome, { json: values.json === true });
    return exitCodeOf(outcome);
  },
};
