import type { Database, SqlClient } from "@/lib/db/client";
import { claimUploadRollback, getLatestUpload, releaseUploadRollback } from "@/lib/db/queries/tables";
import { AppError } from "@/lib/errors";
import { rolledBackTableName } from "@/lib/warehouse/names";
import { mayActOn, type Actor } from "./actor";
import { restoreClaimed } from "./restore-claimed";

/**
 * Undoes the upload that replaced `schema.table`: puts back the version it replaced
 * (`<table>__previous`), once, for the user who uploaded it or an administrator. The undone
 * version is set aside as `<table>__rolled_back`.
 */
export async function rollbackUpload({
  sql,
  db,
  schema,
  table,
  user,
}: {
  sql: SqlClient;
  db?: Database;
  schema: string;
  table: string;
  user: Actor;
}): Promise<{ message: string }> {
  const name = `${schema}.${table}`;
  const upload = await getLatestUpload({ schema, table, db });
  if (!upload) throw new AppError("not_found", `${name} was not made by an upload; there is nothing to roll back.`);
  if (!mayActOn(user, upload.userId))
    throw new AppError(
      "forbidden",
      `${name} was uploaded by another user; only they or an administrator can roll it back.`,
    );
  if (upload.rolledBackAt || !upload.keptPrevious)
    throw new AppError(
      "conflict",
      `${name} is the first upload of this table in place; there is no earlier upload to go back to.`,
    );
  if (!(await claimUploadRollback({ id: upload.id, db })))
    throw new AppError("conflict", `${name} was just rolled back by someone else.`);
  await restoreClaimed(sql, {
    schema,
    table,
    what: "this upload",
    release: () => releaseUploadRollback({ id: upload.id, db }),
  });
  return {
    message: `Rolled back the upload of ${name} by ${upload.email}: the version it replaced is in place again; the undone version is set aside as ${rolledBackTableName(table)}.`,
  };
}
