import { tableExists } from "@/lib/warehouse/tables";
import { Rejection } from "./rejection";
import type { AgentContext } from "./types";

/**
 * A run may only replace a table that DataMorph published before; it never overwrites a table
 * the user made (or one of its own sources).
 */
export async function checkTargetIsOurs(context: AgentContext, table: string): Promise<void> {
  const schema = context.options.targetSchema;
  if (!(await tableExists(context.sql, schema, table))) return;
  const [published] = await context.sql`
    select 1 from datamorph.runs where status = 'succeeded' and target_schema = ${schema} and target_table = ${table} limit 1`;
  if (!published) {
    throw new Rejection(`${schema}.${table} already exists and was not created by DataMorph; choose another target name (--target).`);
  }
}
