import type { Database, SqlClient } from "@/lib/db/client";
import type { Run } from "@/lib/db/schema";
import { claimRollback, getCurrentPublisher, getUserEmail, releaseRollback } from "@/lib/db/queries/tables";
import { AppError } from "@/lib/errors";
import type { EventStore } from "@/lib/events/types";
import { rolledBackTableName } from "@/lib/warehouse/names";
import { formatWhen, mayActOn, type Actor } from "./actor";
import { restoreClaimed } from "./restore-claimed";

export type RollbackInput = { sql: SqlClient; db?: Database; events: EventStore; run: Run; user: Actor };

/**
 * Undoes one run's publish: puts back exactly the version that run replaced, once. Refused
 * (with what to do instead) when the run published nothing, was rolled back already, has been
 * followed by a newer publish, replaced nothing, or belongs to another user and `user` is no
 * administrator. The rollback is written to the run's timeline. Web, API and CLI all call it.
 */
export async function rollbackRun({ sql, db, events, run, user }: RollbackInput): Promise<{ message: string }> {
  const { targetSchema: schema, targetTable: table } = run;
  if (run.status !== "succeeded" || !schema || !table)
    throw new AppError("bad_request", "Only a run that published a table can be rolled back.");
  if (!mayActOn(user, run.userId))
    throw new AppError(
      "forbidden",
      `${schema}.${table} was published by another user's run; only they or an administrator can roll it back.`,
    );
  const name = `${schema}.${table}`;
  if (run.rolledBackAt) throw await alreadyRolledBack(run, name, db);
  const current = await getCurrentPublisher({ schema, table, db });
  if (current?.id !== run.id)
    throw new AppError("conflict", `A newer run has published ${name} since; roll back from that run's page.`);
  if (!run.keptPrevious)
    throw new AppError(
      "conflict",
      `${name} was a new table when this run published it; there is no earlier version to go back to.`,
    );

  if (!(await claimRollback({ id: run.id, userId: user.id, db }))) throw await alreadyRolledBack(run, name, db);
  await restoreClaimed(sql, { schema, table, what: "this run", release: () => releaseRollback({ id: run.id, db }) });

  const message = `Rolled back by ${user.email}: ${name} is again the version this run replaced; this run's version is set aside as ${rolledBackTableName(table)}.`;
  await events.append(run.id, {
    agent: "publisher",
    level: "success",
    message,
    payload: { rolledBack: true, by: user.email },
  });
  return { message };
}

// After a lost race `run` does not know yet who rolled it back; the message then says less.
async function alreadyRolledBack(run: Run, name: string, db?: Database): Promise<AppError> {
  const by = run.rolledBackBy ? await getUserEmail({ id: run.rolledBackBy, db }) : null;
  const when = run.rolledBackAt ? ` on ${formatWhen(run.rolledBackAt)}${by ? ` by ${by}` : ""}` : "";
  return new AppError(
    "conflict",
    `This run was already rolled back${when}; ${name} holds the version before it. Re-run it to publish it again.`,
  );
}
