import { AppError } from "@/lib/errors";
import { createSqlClient, type SqlClient } from "./client";
import { readRoleLogins } from "./role-logins";
import type { RoleLogin } from "./roles";

/** Pools of the restricted logins; the console opens its own connections from `readerUrl`. */
export type RoleClients = { reader: SqlClient; builder: SqlClient; readerUrl: string };

/** The URL of `login` on the same server and database as `ownerUrl` (TLS settings kept). */
export function loginUrl(ownerUrl: string, login: RoleLogin): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(login.user);
  url.password = encodeURIComponent(login.password);
  return url.toString();
}

/**
 * Opens pools of the reader and builder logins of the database behind `owner`. Fails with a clear
 * message when the logins were never set up (a server where DataMorph may not create roles).
 */
export async function openRoleClients(
  owner: SqlClient,
  ownerUrl: string,
  sizes: { reader: number; builder: number },
): Promise<RoleClients> {
  const logins = await readRoleLogins(owner);
  if (!logins) {
    throw new AppError(
      "unavailable",
      "DataMorph's restricted database logins are not set up. Run `npm run -s datamorph -- db roles` and apply the statements it prints (or rerun it with --apply as a role that may create roles).",
    );
  }
  const readerUrl = loginUrl(ownerUrl, logins.reader);
  return {
    reader: createSqlClient(readerUrl, "datamorph-reader", sizes.reader),
    builder: createSqlClient(loginUrl(ownerUrl, logins.builder), "datamorph-builder", sizes.builder),
    readerUrl,
  };
}
