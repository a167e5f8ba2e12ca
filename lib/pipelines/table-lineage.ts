import { listPipelineTables } from "@/lib/db/queries/pipeline-tables";
import type { Pipeline } from "@/lib/db/schema";
import { specTables, tableLineage, type PipelineTables, type TableLineage } from "@/lib/lineage/table-lineage";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { Actor } from "@/lib/tables/actor";

/**
 * Which of the pipelines `user` sees feed `pipeline` and which it feeds, through the tables
 * they publish and read. Pipelines the user may not see stay out of it.
 */
export async function pipelineTableLineage({
  pipeline,
  user,
  targetSchema,
}: {
  pipeline: Pick<Pipeline, "id">;
  user: Pick<Actor, "id" | "role">;
  targetSchema: string;
}): Promise<TableLineage> {
  const rows = await listPipelineTables({ userId: user.id, isAdmin: user.role === "admin" });
  const tables: PipelineTables[] = rows.map((row) => {
    const spec = row.spec as EtlSpec;
    return {
      id: row.id,
      name: row.name,
      reads: specTables(spec),
      published: row.published,
      target: `${spec.target.schema ?? targetSchema}.${row.targetTable}`,
    };
  });
  return tableLineage(tables, pipeline.id);
}
