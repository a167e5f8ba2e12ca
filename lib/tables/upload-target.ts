import type { Database, SqlExecutor } from "@/lib/db/client";
import { getLatestUpload, type TableAuthor } from "@/lib/db/queries/tables";
import { AppError } from "@/lib/errors";
import { isReservedTableName } from "@/lib/warehouse/names";
import { tableExists } from "@/lib/warehouse/tables";
import { formatWhen, mayActOn, type Actor } from "./actor";

export type UploadTargetCheck = {
  sql: SqlExecutor;
  db?: Database;
  schema: string;
  table: string;
  user: Actor;
  replace: boolean;
};

/**
 * The rule for a CSV upload: a new name is free; an existing table is replaced only when asked,
 * only when an upload made it (a source table never is), and only by the user who uploaded it
 * last or an administrator. Returns the upload that would be replaced; throws an AppError that
 * says what to do otherwise, before anything is read or changed.
 */
export async function checkUploadTarget({
  sql,
  db,
  schema,
  table,
  user,
  replace,
}: UploadTargetCheck): Promise<{ replacing: TableAuthor | null }> {
  if (isReservedTableName(table)) {
    throw new AppError(
      "bad_request",
      `${table} is a name DataMorph keeps for earlier versions of tables; choose another table name.`,
    );
  }
  if (!(await tableExists(sql, schema, table))) return { replacing: null };
  if (!replace)
    throw new AppError(
      "conflict",
      `${schema}.${table} already exists. Choose another table name, or tick "Replace an existing table".`,
    );
  const upload = await getLatestUpload({ schema, table, db });
  if (!upload) {
    throw new AppError(
      "conflict",
      `${schema}.${table} is a source table, not one made by an upload, so an upload cannot replace it; nothing was changed. Choose another table name.`,
    );
  }
  if (!mayActOn(user, upload.userId)) {
    throw new AppError(
      "forbidden",
      `${schema}.${table} was uploaded by another user (${upload.email}, ${formatWhen(upload.at)}); only they or an administrator can replace it. Choose another table name.`,
    );
  }
  return { replacing: upload };
}
