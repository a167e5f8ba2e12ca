import type { EtlSpec } from "@/lib/spec/etl-spec";
import { isExistsFilter } from "@/lib/spec/clauses";
import { escapeRegExp } from "@/lib/text/escape-regexp";

/** What one pipeline reads and publishes, by qualified table name (`public.orders`). */
export type PipelineTables = {
  id: string;
  name: string;
  /** The tables its current version reads: its sources and the tables its existence checks look at. */
  reads: string[];
  /** Tables its runs published and that are still theirs. */
  published: string[];
  /** Its current target, `{{parameter}}` placeholders standing for any value (`public.totals_{{status}}`). */
  target: string;
};

/** A table that links two pipelines, and the pipeline on the other side. */
export type TableLink = { pipelineId: string; pipeline: string; table: string };

/** Upstream: pipelines that publish a table this one reads. Downstream: pipelines that read one it publishes. */
export type TableLineage = { upstream: TableLink[]; downstream: TableLink[] };

/** Every table a spec reads: its sources, and the path and lookup tables of its existence checks. */
export function specTables(spec: Pick<EtlSpec, "sources" | "filters">): string[] {
  const tables = spec.sources.map((s) => `${s.schema}.${s.table}`);
  for (const filter of spec.filters) {
    if (!isExistsFilter(filter)) continue;
    for (const step of [...filter.path, ...(filter.lookups ?? [])]) tables.push(`${step.schema}.${step.table}`);
  }
  return [...new Set(tables)];
}

/** Whether `table` is one `pipeline` publishes: a table its runs published, or a name its target template makes. */
function publishes(pipeline: PipelineTables, table: string): boolean {
  if (pipeline.published.includes(table)) return true;
  const pattern = pipeline.target
    .split(/\{\{\s*[a-z][a-z0-9_]*\s*\}\}/)
    .map(escapeRegExp)
    .join("[a-z0-9_]+");
  return new RegExp(`^${pattern}$`).test(table);
}

/**
 * Table-level lineage of one pipeline among others: which of them publish the tables it reads
 * (upstream), and which read the tables it publishes (downstream), so a change upstream lists
 * what it reaches. A pipeline that reads its own table is not its own neighbour.
 */
export function tableLineage(pipelines: PipelineTables[], id: string): TableLineage {
  const self = pipelines.find((p) => p.id === id);
  if (!self) return { upstream: [], downstream: [] };
  const others = pipelines.filter((p) => p.id !== id);
  const link = (p: PipelineTables, table: string): TableLink => ({ pipelineId: p.id, pipeline: p.name, table });
  const byName = (a: TableLink, b: TableLink) => a.pipeline.localeCompare(b.pipeline) || a.table.localeCompare(b.table);
  return {
    upstream: self.reads
      .flatMap((table) => others.filter((p) => publishes(p, table)).map((p) => link(p, table)))
      .sort(byName),
    downstream: others
      .flatMap((p) => p.reads.filter((table) => publishes(self, table)).map((table) => link(p, table)))
      .sort(byName),
  };
}
