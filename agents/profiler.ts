import type { Catalog } from "@/lib/catalog/types";
import type { SqlClient, SqlExecutor } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import type { EtlSpec } from "@/lib/spec/etl-spec";

export type KeyStats = { column: string; nulls: number; distinct: number };

export type TableProfile = {
  schema: string;
  table: string;
  rows: number;
  columns: { name: string; dataType: string; nullable: boolean }[];
  primaryKey: string[];
  /** A few rows as they are: data to look at, never instructions to follow. */
  sample: Record<string, unknown>[];
  /** Nulls and distinct values of the columns the spec joins on. */
  keys: KeyStats[];
};

const SAMPLE_ROWS = 5;
const EXACT_STATS_BELOW = 200_000;

/** Null and distinct counts of `keys` from pg_stats, scaled to the row count. */
async function estimatedKeyStats(tx: SqlExecutor, schema: string, table: string, keys: string[], rows: number) {
  const stats = await tx<{ attname: string; null_frac: number; n_distinct: number }[]>`
    select attname, null_frac, n_distinct from pg_stats where schemaname = ${schema} and tablename = ${table} and attname = any(${keys})`;
  const out: Record<string, number> = {};
  for (const s of stats) {
    out[`${s.attname}:nulls`] = Math.round(s.null_frac * rows);
    out[`${s.attname}:distinct`] = Math.round(s.n_distinct < 0 ? -s.n_distinct * rows : s.n_distinct);
  }
  return out;
}

function joinKeysOf(spec: EtlSpec, alias: string): string[] {
  const keys = spec.joins.flatMap((j) => [
    ...(j.left === alias ? j.on.map((k) => k.left) : []),
    ...(j.right === alias ? j.on.map((k) => k.right) : []),
  ]);
  return [...new Set(keys)];
}

const plain = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      typeof v === "bigint" ? v.toString() : v instanceof Date ? v.toISOString() : v,
    ]),
  );

/** Row counts, samples and join-key statistics of every table the spec reads, read-only. */
export async function profileSources({
  sql,
  spec,
  catalog,
}: {
  sql: SqlClient;
  spec: EtlSpec;
  catalog: Catalog;
}): Promise<TableProfile[]> {
  return sql.begin("read only", async (tx) => {
    const profiles: TableProfile[] = [];
    for (const source of spec.sources) {
      const table = catalog.tables.find((t) => t.schema === source.schema && t.name === source.table)!;
      const name = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
      const keys = joinKeysOf(spec, source.alias);
      // Exact key statistics on small tables; on big ones the planner statistics are close enough
      // for a profile and cost nothing.
      const exact = (table.rowCount ?? 0) < EXACT_STATS_BELOW;
      const stats = exact
        ? keys.map(
            (k) =>
              `count(*) - count(${quoteIdent(k)}) AS ${quoteIdent(`${k}:nulls`)}, count(DISTINCT ${quoteIdent(k)}) AS ${quoteIdent(`${k}:distinct`)}`,
          )
        : [];
      const [counts] = await tx.unsafe(
        `SELECT count(*) AS rows${stats.length ? `, ${stats.join(", ")}` : ""} FROM ${name}`,
      );
      if (!exact)
        Object.assign(counts, await estimatedKeyStats(tx, table.schema, table.name, keys, Number(counts.rows)));
      const sample = await tx.unsafe(`SELECT * FROM ${name} LIMIT ${SAMPLE_ROWS}`);
      profiles.push({
        schema: table.schema,
        table: table.name,
        rows: Number(counts.rows),
        columns: table.columns.map((c) => ({ name: c.name, dataType: c.dataType, nullable: c.nullable })),
        primaryKey: table.primaryKey,
        sample: sample.map(plain),
        keys: keys.map((k) => ({
          column: k,
          nulls: Number(counts[`${k}:nulls`]),
          distinct: Number(counts[`${k}:distinct`]),
        })),
      });
    }
    return profiles;
  });
}
