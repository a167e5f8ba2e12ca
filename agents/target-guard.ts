import { getRunOwner } from "@/lib/db/queries/tables";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/tables/actor";
import { claimFreeTableName } from "@/lib/tables/free-name";
import { checkRunTarget } from "@/lib/tables/run-target";
import { previousTableName } from "@/lib/warehouse/names";
import { Rejection } from "./rejection";
import { emitter, type AgentContext } from "./types";

async function ownerOf(context: AgentContext): Promise<Actor> {
  const owner = await getRunOwner({ runId: context.runId, db: context.db });
  if (!owner) throw new Error(`Run ${context.runId} has no user.`);
  return owner;
}

// The rules speak as AppErrors for web and API callers; in a run they are rejections.
async function asRejection<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw new Rejection(error.message);
    throw error;
  }
}

/**
 * Settles the table this run publishes, once it is planned. A name the user gave must pass the
 * replace rules (`checkRunTarget`); a name the planner made up never replaces anything: when it
 * is taken, the run publishes under the next free one (`<name>_2`, …) and says so.
 */
export async function settleTarget(context: AgentContext, planned: string): Promise<string> {
  const schema = context.options.targetSchema;
  if (context.options.targetTable !== undefined) {
    const user = await ownerOf(context);
    await asRejection(() =>
      checkRunTarget({
        sql: context.sql,
        db: context.db,
        schema,
        table: planned,
        user,
        replace: context.options.replace === true,
      }),
    );
    return planned;
  }
  const table = await claimFreeTableName({ sql: context.sql, db: context.db, schema, runId: context.runId, planned });
  if (!table) throw new Rejection(`${schema}.${planned} and the names after it are taken; choose a target name.`);
  if (table !== planned) {
    await emitter(context, "planner")(
      "info",
      `${schema}.${planned} already exists, so this run publishes ${schema}.${table} instead and replaces nothing; to replace ${planned}, name it as the target and ask to replace it.`,
      { planned, table },
    );
  }
  return table;
}

/**
 * Right before the swap: whether this run may replace the table now in place. The rules are
 * checked again, since someone may have published the table while this run was building. An
 * administrator replacing another user's table is written to the timeline.
 */
export async function mayReplaceAtPublish(context: AgentContext, table: string): Promise<boolean> {
  if (context.options.targetTable === undefined) return false;
  const schema = context.options.targetSchema;
  const user = await ownerOf(context);
  const { replacing } = await asRejection(() =>
    checkRunTarget({
      sql: context.sql,
      db: context.db,
      schema,
      table,
      user,
      replace: context.options.replace === true,
    }),
  );
  if (replacing && replacing.userId !== user.id) {
    await emitter(context, "publisher")(
      "warn",
      `Administrator ${user.email} replaces ${schema}.${table}, published by ${replacing.email} (run ${replacing.id}); that version is kept as ${previousTableName(table)}.`,
      { replacedRunId: replacing.id, replacedUser: replacing.email, by: user.email },
    );
  }
  return replacing !== null;
}
