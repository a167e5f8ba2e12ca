import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { pipelines, pipelineVersions, runs } from "@/lib/db/schema";

export type PipelineTablesRow = { id: string; name: string; spec: unknown; targetTable: string; published: string[] };

/**
 * Each pipeline a user sees (their own; every one for an administrator) with its current
 * version's spec and target, and the tables its runs published that were not rolled back.
 */
export async function listPipelineTables({
  userId,
  isAdmin,
  db = getDb(),
}: {
  userId: string;
  isAdmin: boolean;
  db?: Database;
}): Promise<PipelineTablesRow[]> {
  const rows = await db.execute<PipelineTablesRow>(sql`
    select p.id, p.name, v.spec, v.target_table as "targetTable",
           coalesce((select json_agg(distinct r.target_schema || '.' || r.target_table)
                     from ${runs} r
                     where r.pipeline_id = p.id and r.status = 'succeeded' and r.rolled_back_at is null and r.target_table is not null), '[]'::json) as published
    from ${pipelines} p join ${pipelineVersions} v on v.pipeline_id = p.id and v.version = p.current_version
    where ${isAdmin ? sql`true` : sql`p.user_id = ${userId}`}
    order by p.name`);
  return [...rows];
}
