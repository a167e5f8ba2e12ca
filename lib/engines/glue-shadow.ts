import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { qualified, tableExists } from "@/lib/warehouse/tables";
import type { GlueBuildRequest, GlueBuildResult, GlueEngine } from "./glue-engine";

/**
 * Builds `shadow` with a Glue job run writing into the database `sql` is connected to, then
 * counts what it wrote. Unlike `buildShadow` the table is not built in one transaction: a failed
 * run may leave part of it, which the pipeline's clean-up of shadow tables removes.
 */
export async function buildShadowWithGlue(
  sql: SqlClient,
  engine: GlueEngine,
  request: Omit<GlueBuildRequest, "database"> & {
    timeoutMs: number /** The login that tests, publishes or drops the shadow. */;
    builder: string;
  },
): Promise<GlueBuildResult & { rowCount: number }> {
  const { timeoutMs, builder, ...build } = request;
  const [{ database }] = await sql<{ database: string }[]>`select current_database() as database`;
  const run = await engine.buildShadow({ ...build, database });
  if (!(await tableExists(sql, build.schema, build.shadow))) {
    throw new Error(
      `Glue job run ${run.jobRunId} succeeded but wrote no ${build.schema}.${build.shadow} in database ${database}: check that the Glue connection leads to this database.`,
    );
  }
  const rowCount = await sql.begin(async (tx) => {
    await tx.unsafe(`set local statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
    const [row] = await tx.unsafe(`select count(*) as rows from ${qualified(build.schema, build.shadow)}`);
    return Number(row.rows);
  });
  // Glue writes as its connection's user; the run's builder login must own what it publishes.
  await sql.unsafe(`alter table ${qualified(build.schema, build.shadow)} owner to ${quoteIdent(builder)}`);
  return { ...run, rowCount };
}
