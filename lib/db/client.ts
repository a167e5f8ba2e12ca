import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = ReturnType<typeof drizzle<typeof schema>>;
/** The database or an open transaction on it: what a drizzle query helper needs to run inside either. */
export type DatabaseOrTransaction = PgDatabase<
  PostgresJsQueryResultHKT,
  typeof schema,
  ExtractTablesWithRelations<typeof schema>
>;
export type SqlClient = postgres.Sql;
/** A pool or an open transaction: what a query helper needs to run inside either. */
export type SqlExecutor = postgres.Sql | postgres.TransactionSql;

/** Opens a connection pool; `applicationName` tells DataMorph's processes apart in pg_stat_activity. */
export function createSqlClient(url: string, applicationName: string, max = 10): SqlClient {
  return postgres(url, {
    max,
    // A server that does not answer is reported, not waited on forever.
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: applicationName },
  });
}

export function createDatabase(client: SqlClient): Database {
  return drizzle(client, { schema });
}
