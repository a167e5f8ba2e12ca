import { getEnv } from "@/lib/env";
import { getSql } from "@/lib/db";
import { previousTableName } from "@/lib/warehouse/names";
import { rollbackTable } from "@/lib/warehouse/tables";
import type { Command } from "./commands";
import { CliError } from "./output";

export const rollbackCommand: Command = {
  summary: "Put back the version of a published table that the last run replaced",
  usage: "Usage: npm run -s datamorph -- rollback <table> [--schema <schema>]",
  options: { schema: { type: "string" }, help: { type: "boolean" } },
  async run({ values, positionals }) {
    const table = positionals[0];
    if (!table || positionals.length > 1) throw new CliError("Name one table, e.g. rollback customer_order_totals", 2);
    const schema = (values.schema as string | undefined) ?? getEnv().targetSchema;
    const sql = getSql();
    const [published] = await sql`select 1 from datamorph.runs where status = 'succeeded' and target_schema = ${schema} and target_table = ${table} limit 1`;
    if (!published) throw new CliError(`${schema}.${table} was not published by DataMorph; there is nothing to roll back.`, 1);
    if (!(await rollbackTable(sql, { schema, target: table }))) throw new CliError(`${schema}.${table} has no previous version (${previousTableName(table)}) to roll back to.`, 1);
    process.stdout.write(`Rolled back ${schema}.${table}; the replaced version is now ${schema}.${previousTableName(table)} (roll back again to undo).\n`);
    return 0;
  },
};
