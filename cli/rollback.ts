import { getDb, getRoleClients, getSql } from "@/lib/db";
import { getRunById } from "@/lib/db/queries/runs";
import { getCurrentPublisher } from "@/lib/db/queries/tables";
import { getOrCreateCliUser } from "@/lib/db/queries/users";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getEventStore } from "@/lib/events/live";
import type { Actor } from "@/lib/tables/actor";
import { rollbackRun } from "@/lib/tables/rollback-run";
import { rollbackUpload } from "@/lib/tables/rollback-upload";
import type { Command } from "./commands";
import { CliError } from "./output";

export const rollbackCommand: Command = {
  usage:
    "Usage: npm run -s datamorph -- rollback <table> [--schema <schema>]\nRolls back the run (or CSV upload) whose version is in place, under the same rules as the web app's Roll back.",
  options: { schema: { type: "string" }, help: { type: "boolean" } },
  async run({ values, positionals }) {
    const table = positionals[0];
    if (!table || positionals.length > 1) throw new CliError("Name one table, e.g. rollback customer_order_totals", 2);
    const schema = (values.schema as string | undefined) ?? getEnv().targetSchema;
    const current = await getCurrentPublisher({ schema, table });
    const run = current && (await getRunById({ id: current.id }));
    const user = await getOrCreateCliUser({ db: getDb() });
    if (!run) return rollBackUpload(schema, table, user);
    try {
      const { message } = await rollbackRun({
        sql: (await getRoleClients()).builder,
        events: getEventStore(),
        run,
        user,
      });
      process.stdout.write(`${message} (run ${run.id})\n`);
    } catch (error) {
      if (error instanceof AppError) throw new CliError(`${error.message} (run ${run.id})`, 1);
      throw error;
    }
    return 0;
  },
};

// A table no run published may be an upload, whose replace can be undone the same way.
async function rollBackUpload(schema: string, table: string, user: Actor): Promise<number> {
  try {
    const { message } = await rollbackUpload({ sql: getSql(), schema, table, user });
    process.stdout.write(`${message}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found")
      throw new CliError(
        `${schema}.${table} was not published by DataMorph nor made by an upload; there is nothing to roll back.`,
        1,
      );
    if (error instanceof AppError) throw new CliError(error.message, 1);
    throw error;
  }
}
