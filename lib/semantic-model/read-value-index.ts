import type { Catalog, CatalogTable } from "@/lib/catalog/types";
import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { isIndexableText, isKeyLike, LOCATION_WORDS } from "./column-kinds";
import { typeFamily } from "./column-types";
import { entityNames } from "./entity-names";
import { labelColumns } from "./label-columns";
import type { ObservedColumn, ValueIndex } from "./value-index";
import { nameWords } from "./words/name-words";

export type ValueIndexOptions = {
  /** A text column with more distinct values than this is not indexed (default 200). */
  maxDistinct?: number;
  /** The same bound for a table's label columns (names, titles), which requests quote most (default 1000). */
  maxLabelDistinct?: number;
  /** A column holding a longer value is free text, not a category (default 100 characters). */
  maxValueLength?: number;
  /** Rows read per table at most; larger tables are sampled (default 100,000). */
  sampleRows?: number;
  /** The longest one table's statement may run (default 3 s). */
  statementTimeoutMs?: number;
  /** When to stop starting new tables (default 20 s in all). */
  timeBudgetMs?: number;
};

// Numbers are read only to tell 0/1 flags from counts: three distinct values settle it.
const NUMBER_PROBE = 3;
// A column with (nearly) a different value in every row is an attribute of each row, not a
// category, unless its name says it is one (a label, a city); on a table this small, every
// column looks unique, so all are kept.
const UNIQUE_SHARE = 0.9;
const SMALL_TABLE_ROWS = 20;

type Probe = { column: string; limit: number; category: boolean };

/**
 * The columns of a table worth reading, with how many distinct values would be too many, and
 * those that planner statistics already show have far too many (read as "too many to list").
 */
function probesOf(
  table: CatalogTable,
  options: Required<ValueIndexOptions>,
  estimates: Map<string, number>,
): { probes: Probe[]; tooMany: string[] } {
  const fkColumns = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
  const names = entityNames(table.name);
  const labels = new Set(labelColumns(table.columns, names.forms));
  const probes: Probe[] = [];
  const tooMany: string[] = [];
  for (const column of table.columns) {
    if (fkColumns.has(column.name)) continue;
    const family = typeFamily(column.dataType);
    const isKey = table.primaryKey.includes(column.name);
    const words = nameWords(column.name).expanded;
    const label = labels.has(column.name);
    let probe: Probe | undefined;
    const category = label || words.some((w) => LOCATION_WORDS.has(w));
    if (family === "text" && (label || isIndexableText(words)))
      probe = { column: column.name, limit: label ? options.maxLabelDistinct : options.maxDistinct, category };
    else if ((family === "integer" || family === "decimal") && !isKey && !isKeyLike(words))
      probe = { column: column.name, limit: NUMBER_PROBE - 1, category: true };
    if (!probe) continue;
    const estimate = estimates.get(JSON.stringify([table.schema, table.name, column.name]));
    if (estimate !== undefined && estimate > probe.limit * 2) tooMany.push(column.name);
    else probes.push(probe);
  }
  return { probes, tooMany };
}

/** Distinct-value estimates from pg_stats ("[schema, table, column]" → count), where Postgres has them. */
async function readDistinctEstimates(sql: SqlClient, schemas: string[]): Promise<Map<string, number>> {
  const rows = await sql<{ schema: string; table: string; column: string; distinct: number }[]>`
    select s.schemaname as schema, s.tablename as table, s.attname as column,
           (case when s.n_distinct >= 0 then s.n_distinct else -s.n_distinct * greatest(c.reltuples, 0) end)::float8 as distinct
    from pg_stats s
    join pg_namespace n on n.nspname = s.schemaname
    join pg_class c on c.relnamespace = n.oid and c.relname = s.tablename
    where s.schemaname = any(${schemas})`;
  return new Map(rows.map((r) => [JSON.stringify([r.schema, r.table, r.column]), r.distinct]));
}

/** One statement per table: a bounded sample, then the first few distinct values of each column. */
function tableStatement(table: CatalogTable, probes: Probe[], options: Required<ValueIndexOptions>): string {
  const name = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
  const large = (table.rowCount ?? 0) > options.sampleRows;
  const percent = Math.max(0.0001, Math.min(100, (options.sampleRows / Math.max(1, table.rowCount ?? 1)) * 100));
  // SYSTEM sampling reads whole pages, so a sample costs what it holds; a fixed seed keeps it repeatable.
  const sample = large && !table.isView ? ` tablesample system (${percent.toFixed(4)}) repeatable (0)` : "";
  const columns = probes.map((p) => quoteIdent(p.column)).join(", ");
  const selects = probes.map((p, i) => {
    const value = `left(${quoteIdent(p.column)}::text, ${options.maxValueLength + 1})`;
    return `array(select distinct ${value} from src where ${quoteIdent(p.column)} is not null order by 1 limit ${p.limit + 1}) as v${i}`;
  });
  return `with src as materialized (select ${columns} from ${name}${sample} limit ${options.sampleRows})
    select (select count(*) from src)::int as rows, ${selects.join(", ")}`;
}

/**
 * Reads the value index of a catalog as the reader role does, in read-only transactions: the
 * distinct values of text columns that have few (so "London" links to a city column) and of
 * label columns (names, titles), and the values of number columns that may be 0/1 flags.
 * Codes, contact details, address lines and columns unique to each row are left out. Bounded: large tables are sampled, each
 * table's statement has a time limit, and tables left when the time budget runs out are not
 * read (`complete` is then false). Foreign key columns are left to the tables they point at.
 */
export async function readValueIndex(
  sql: SqlClient,
  catalog: Catalog,
  options: ValueIndexOptions = {},
): Promise<ValueIndex> {
  const settings: Required<ValueIndexOptions> = {
    maxDistinct: 200,
    maxLabelDistinct: 1000,
    maxValueLength: 100,
    sampleRows: 100_000,
    statementTimeoutMs: 3_000,
    timeBudgetMs: 20_000,
    ...options,
  };
  const deadline = performance.now() + settings.timeBudgetMs;
  const schemas = [...new Set(catalog.tables.map((t) => t.schema))];
  const estimates = schemas.length > 0 ? await readDistinctEstimates(sql, schemas) : new Map<string, number>();
  const columns: ObservedColumn[] = [];
  let complete = true;
  for (const table of catalog.tables) {
    const { probes, tooMany } = probesOf(table, settings, estimates);
    for (const column of tooMany) columns.push({ schema: table.schema, table: table.name, column, values: null });
    if (probes.length === 0) continue;
    if (performance.now() > deadline) {
      complete = false;
      break;
    }
    try {
      const [row] = await sql.begin("read only", async (tx) => {
        await tx.unsafe(`set local statement_timeout = ${Math.max(1, Math.floor(settings.statementTimeoutMs))}`);
        return tx.unsafe<Record<string, unknown>[]>(tableStatement(table, probes, settings));
      });
      const rows = Number(row.rows);
      const sampled = (table.rowCount ?? 0) > settings.sampleRows || rows >= settings.sampleRows;
      probes.forEach((probe, i) => {
        const values = row[`v${i}`] as string[];
        const category = probe.category || rows <= SMALL_TABLE_ROWS || values.length < rows * UNIQUE_SHARE;
        const listable =
          category && values.length <= probe.limit && values.every((v) => v.length <= settings.maxValueLength);
        columns.push({
          schema: table.schema,
          table: table.name,
          column: probe.column,
          values: listable ? values : null,
          ...(sampled ? { sampled: true } : {}),
        });
      });
    } catch {
      // A table that takes too long or cannot be read keeps its names-only reading.
      complete = false;
    }
  }
  return { columns, complete };
}
