import { executeRun } from "@/agents/runner";
import { getArtifactStore } from "@/lib/artifacts/current";
import { getRunById } from "@/lib/db/queries/runs";
import { getOrCreateCliUser } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import type { Answers } from "@/lib/planner/questions";
import { answerRun } from "@/lib/runs/answer-run";
import type { Command } from "./commands";
import { CliError } from "./output";
import { finishRun, printingEventStore, printProgress } from "./run";

export const answerCommand: Command = {
  usage:
    "Usage: npm run -s datamorph -- answer <runId> <questionId>=<choiceId> … [--remember] [--json]\nAnswers the questions a run waits on and carries it on; prints what run prints.\n--remember saves the answers as knowledge of this warehouse (for the command line's own requests until an administrator approves them).\nExit code: 0 succeeded, 1 failed, 2 rejected, 3 needs input again.",
  options: { json: { type: "boolean" }, remember: { type: "boolean" }, help: { type: "boolean" } },
  async run({ values, positionals }) {
    const [runId, ...pairs] = positionals;
    if (!runId || pairs.length === 0)
      throw new CliError("Name the run and at least one answer, e.g. answer <runId> q1a2b3c4d=c1", 2);
    const answers: Answers = {};
    for (const pair of pairs) {
      const match = /^([A-Za-z0-9_-]{1,40})=([A-Za-z0-9_-]{1,40})$/.exec(pair);
      if (!match) throw new CliError(`"${pair}" is not an answer: write <questionId>=<choiceId>, e.g. q1a2b3c4d=c1`, 2);
      answers[match[1]] = match[2];
    }
    const run = await getRunById({ id: runId });
    if (!run) throw new CliError(`No run ${runId}.`, 2);
    let startable: Awaited<ReturnType<typeof answerRun>>;
    try {
      const rememberFor = values.remember === true ? await getOrCreateCliUser() : undefined;
      startable = await answerRun({
        run,
        answers,
        artifacts: getArtifactStore(),
        events: printingEventStore(),
        rememberFor,
      });
    } catch (error) {
      if (error instanceof AppError) throw new CliError(`${error.message} (run ${run.id})`, 2);
      throw error;
    }
    const outcome = await executeRun({ ...startable, onEvent: printProgress });
    return finishRun(outcome, { json: values.json === true, prompt: startable.prompt, options: startable.options });
  },
};
