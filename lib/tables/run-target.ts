import type { Database, SqlExecutor } from "@/lib/db/client";
import { getCurrentPublisher, type TableAuthor } from "@/lib/db/queries/tables";
import { AppError } from "@/lib/errors";
import { isReservedTableName } from "@/lib/warehouse/names";
import { tableExists } from "@/lib/warehouse/tables";
import { formatWhen, mayActOn, type Actor } from "./actor";

export type RunTargetCheck = {
  sql: SqlExecutor;
  db?: Database;
  schema: string;
  table: string;
  user: Actor;
  replace: boolean;
};

/** How to ask for a replacement, in the words of every way a run starts. */
export const HOW_TO_REPLACE = `tick "Replace the existing table" (CLI: --replace, API: "replace": true)`;

/**
 * The rule for a run that names its target: a new name is free; an existing table is replaced
 * only when it was published by a DataMorph run, by this user (or the user is an admin), and
 * the user asked to replace it. Returns the run whose version would be replaced; throws an
 * AppError saying what to do otherwise. The web form, the API, the CLI and the pipeline itself
 * (again, right before publishing) all apply it.
 */
export async function checkRunTarget({
  sql,
  db,
  schema,
  table,
  user,
  replace,
}: RunTargetCheck): Promise<{ replacing: TableAuthor | null }> {
  if (isReservedTableName(table)) {
    throw new AppError(
      "bad_request",
      `${table} is a name DataMorph keeps for earlier versions of tables; choose another target name.`,
    );
  }
  if (!(await tableExists(sql, schema, table))) return { replacing: null };
  const publisher = await getCurrentPublisher({ schema, table, db });
  if (!publisher) {
    throw new AppError(
      "conflict",
      `${schema}.${table} already exists and was not created by DataMorph; choose another target name (--target).`,
    );
  }
  const who = `run ${publisher.id} by ${publisher.email}, ${formatWhen(publisher.at)}`;
  if (!mayActOn(user, publisher.userId)) {
    throw new AppError(
      "forbidden",
      `${schema}.${table} was published by another user (${who}); you can replace only tables you published. Choose another target name.`,
    );
  }
  if (!replace) {
    throw new AppError(
      "conflict",
      `${schema}.${table} already exists: ${who} published it. To replace it, ${HOW_TO_REPLACE}; its current version is kept for rollback. Or choose another target name.`,
    );
  }
  return { replacing: publisher };
}
