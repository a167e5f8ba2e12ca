import { getDb } from "@/lib/db";
import { getRunById } from "@/lib/db/queries/runs";
import { getOrCreateCliUser } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { getEventStore } from "@/lib/events/live";
import { verifyRun } from "@/lib/runs/verify-run";
import type { Command } from "./commands";
import { CliError } from "./output";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const verifyCommand: Command = {
  usage:
    "Usage: npm run -s datamorph -- verify <runId> [--json]\nMarks a succeeded run's table as right: requests that say the same up to their values are then planned from it (the command line's own requests until an administrator approves it).",
  options: { json: { type: "boolean" }, help: { type: "boolean" } },
  argument: { name: "run id" },
  async run({ values, positionals }) {
    const id = positionals[0];
    if (!id || positionals.length > 1 || !UUID.test(id))
      throw new CliError("Name one run id, e.g. verify 0b6f3c1e-… (see `runs`).", 2);
    const user = await getOrCreateCliUser({ db: getDb() });
    const run = await getRunById({ id });
    if (!run || run.userId !== user.id)
      throw new CliError(`No run ${id} of the command line; verify a run on its page in the web app.`, 1);
    try {
      const { approved } = await verifyRun({ run, user, events: getEventStore() });
      const appliesTo = approved ? "everyone" : "the command line's requests until an administrator approves it";
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ runId: id, verified: true, appliesTo: approved ? "everyone" : "you" })}\n`
          : `Verified run ${id}: "${run.prompt}" now plans alike requests, for ${appliesTo}.\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof AppError) throw new CliError(error.message, 1);
      throw error;
    }
  },
};
