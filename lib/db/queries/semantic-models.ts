import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { runs, semanticModels, type SemanticModelVersion } from "@/lib/db/schema";

/** The newest stored version of a warehouse's semantic model, or null before the first. */
export async function getLatestSemanticModel({
  warehouse,
  db = getDb(),
}: {
  warehouse: string;
  db?: Database;
}): Promise<SemanticModelVersion | null> {
  const [row] = await db
    .select()
    .from(semanticModels)
    .where(eq(semanticModels.warehouse, warehouse))
    .orderBy(desc(semanticModels.version))
    .limit(1);
  return row ?? null;
}

/** The newest version a user imported for a warehouse: the edits to keep when the model is generated again. */
export async function getLatestImportedSemanticModel({
  warehouse,
  db = getDb(),
}: {
  warehouse: string;
  db?: Database;
}): Promise<SemanticModelVersion | null> {
  const [row] = await db
    .select()
    .from(semanticModels)
    .where(and(eq(semanticModels.warehouse, warehouse), eq(semanticModels.source, "imported")))
    .orderBy(desc(semanticModels.version))
    .limit(1);
  return row ?? null;
}

/**
 * Stores a new version of a warehouse's model, numbered after the newest. Two processes saving
 * at once both succeed: the unique (warehouse, version) key makes the later one take the next
 * number.
 */
export async function saveSemanticModel({
  warehouse,
  catalogHash,
  source,
  model,
  createdBy = null,
  db = getDb(),
}: {
  warehouse: string;
  catalogHash: string;
  source: "generated" | "imported";
  model: unknown;
  createdBy?: string | null;
  db?: Database;
}): Promise<SemanticModelVersion> {
  for (let attempt = 0; ; attempt++) {
    const [row] = await db
      .insert(semanticModels)
      .values({
        warehouse,
        version: sql`(select coalesce(max(${semanticModels.version}), 0) + 1 from ${semanticModels} where ${semanticModels.warehouse} = ${warehouse})`,
        catalogHash,
        source,
        model,
        createdBy,
      })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
    if (attempt >= 5)
      throw new Error(
        `Could not store a new version of the semantic model of ${warehouse}: other versions kept arriving at once.`,
      );
  }
}

/** Tables DataMorph published ("schema.table"): the results of succeeded runs. */
export async function listPublishedTables({ db = getDb() }: { db?: Database } = {}): Promise<string[]> {
  const rows = await db
    .selectDistinct({ schema: runs.targetSchema, table: runs.targetTable })
    .from(runs)
    .where(and(eq(runs.status, "succeeded"), isNotNull(runs.targetSchema), isNotNull(runs.targetTable)));
  return rows.map((r) => `${r.schema}.${r.table}`).sort();
}
