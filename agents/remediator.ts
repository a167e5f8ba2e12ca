import type { Catalog } from "@/lib/catalog/types";
import { diagnoseWithBedrock } from "@/lib/planner/bedrock/diagnose-with-bedrock";
import type { BedrockUsage } from "@/lib/planner/bedrock/pricing";
import type { BedrockOptions } from "@/lib/planner/bedrock/tool-conversation";
import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { diffSpecs, type SpecChange } from "@/lib/spec/diff";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { DataTestResult } from "@/lib/validation/types";

export type Remedy = {
  /** What went wrong and why, in words a data engineer can check. */
  diagnosis: string;
  cause:
    | "duplicate_dimension_rows"
    | "unused_join_fan_out"
    | "conflicting_duplicate_keys"
    | "join_fan_out"
    | "unrepairable"
    | "model";
  /** The amended spec to rebuild, or null when no safe repair exists. */
  amended: EtlSpec | null;
  changes: SpecChange[];
  /** Tokens and estimated cost when the model was asked. */
  usage?: BedrockUsage;
};

type DiagnoseInput = {
  sql: SqlClient;
  spec: EtlSpec;
  catalog: Catalog;
  results: DataTestResult[];
  model?: BedrockOptions;
};

/**
 * The remediator: the rules below first, because their repairs are proven safe; when they
 * find none and a model is configured, the model's diagnosis and amended spec (validated like
 * a planned spec). A model repair is rebuilt and tested like any other round.
 */
export async function remedy(input: DiagnoseInput): Promise<Remedy> {
  const fromRules = await diagnose(input);
  if (fromRules.amended || !input.model) return fromRules;
  const fromModel = await diagnoseWithBedrock({
    ...input.model,
    spec: input.spec,
    catalog: input.catalog,
    results: input.results,
  });
  const diagnosis = `${fromRules.diagnosis} The model: ${fromModel.diagnosis}`;
  return fromModel.amended
    ? {
        cause: "model",
        diagnosis,
        amended: fromModel.amended,
        changes: diffSpecs(input.spec, fromModel.amended),
        usage: fromModel.usage,
      }
    : { ...fromRules, diagnosis, usage: fromModel.usage };
}

const FAN_OUT_KINDS = new Set(["reconcile", "grain_unique", "row_count"]);

type Duplicates = { alias: string; table: string; keys: string[]; duplicateKeys: number; exactDuplicates: number };

/** How many join-key values repeat in each joined source, and how many rows are exact copies. */
async function findDuplicates(sql: SqlClient, spec: EtlSpec): Promise<Duplicates[]> {
  const found: Duplicates[] = [];
  for (const source of spec.sources) {
    if (source.distinct) continue;
    const keys = [
      ...new Set(
        spec.joins.flatMap((j) => [
          ...(j.right === source.alias ? j.on.map((k) => k.right) : []),
          ...(j.left === source.alias ? j.on.map((k) => k.left) : []),
        ]),
      ),
    ];
    if (keys.length === 0) continue;
    const name = `${quoteIdent(source.schema)}.${quoteIdent(source.table)}`;
    const keyList = keys.map(quoteIdent).join(", ");
    const [row] = await sql.unsafe(
      `SELECT (SELECT count(*) FROM (SELECT ${keyList} FROM ${name} GROUP BY ${keyList} HAVING count(*) > 1) k) AS duplicate_keys,
              (SELECT count(*) FROM ${name}) - (SELECT count(*) FROM (SELECT DISTINCT * FROM ${name}) d) AS exact_duplicates`,
    );
    found.push({
      alias: source.alias,
      table: source.table,
      keys,
      duplicateKeys: Number(row.duplicate_keys),
      exactDuplicates: Number(row.exact_duplicates),
    });
  }
  return found;
}

/** Sources whose columns an aggregate reads. */
function aggregatedSources(spec: EtlSpec): Set<string> {
  const text = JSON.stringify(spec.columns.filter((c) => c.expr.kind === "aggregate").map((c) => c.expr));
  return new Set(
    spec.sources
      .map((s) => s.alias)
      .filter((alias) => text.includes(`"source":"${alias}"`) || text.includes(`${alias}.`)),
  );
}

/** Sources nothing reads from: no output, filter, grain or later join uses them. */
function unusedJoins(spec: EtlSpec): string[] {
  const text = JSON.stringify({ columns: spec.columns, filters: spec.filters, grain: spec.grain, having: spec.having });
  return spec.joins
    .map((j) => j.right)
    .filter(
      (alias) =>
        !text.includes(`"source":"${alias}"`) &&
        !text.includes(`${alias}.`) &&
        !spec.joins.some((j) => j.left === alias),
    );
}

/**
 * Reads the failing tests of a build and proposes one repair: read a dimension's distinct rows
 * when exact duplicates fan out a join, or drop a join nothing uses. Anything else gets a
 * diagnosis and no amended spec, because guessing would publish a wrong table.
 */
export async function diagnose({ sql, spec, results }: DiagnoseInput): Promise<Remedy> {
  const failing = results.filter((r) => r.blocking && !r.passed);
  const names = failing.map((r) => r.name).join(", ");
  const none = (cause: Remedy["cause"], diagnosis: string): Remedy => ({
    cause,
    diagnosis,
    amended: null,
    changes: [],
  });
  const amend = (cause: Remedy["cause"], diagnosis: string, amended: EtlSpec): Remedy => ({
    cause,
    diagnosis,
    amended,
    changes: diffSpecs(spec, amended),
  });

  if (failing.some((r) => r.error))
    return none(
      "unrepairable",
      `A test could not run (${failing.find((r) => r.error)!.error}); this needs a person to look at it.`,
    );
  if (!failing.some((r) => FAN_OUT_KINDS.has(r.kind)))
    return none(
      "unrepairable",
      `${names} failed; no automatic repair applies to ${failing.length === 1 ? "this test" : "these tests"}.`,
    );

  // The rows being aggregated repeat their keys by nature (many orders per customer); only a
  // dimension with repeated keys fans the join out.
  const measured = aggregatedSources(spec);
  const duplicated = (await findDuplicates(sql, spec)).filter(
    (d) => d.duplicateKeys > 0 && d.alias !== spec.sources[0].alias && !measured.has(d.alias),
  );
  const exact = duplicated.find((d) => d.exactDuplicates > 0);
  if (exact) {
    const amended: EtlSpec = {
      ...spec,
      sources: spec.sources.map((s) => (s.alias === exact.alias ? { ...s, distinct: true } : s)),
    };
    return amend(
      "duplicate_dimension_rows",
      `Join fan-out: ${exact.table} has ${exact.exactDuplicates} exact duplicate row(s) (${exact.duplicateKeys} ${exact.keys.join(", ")} value(s) appear more than once), so the join repeats matching rows and ${names} fail. Repair: read ${exact.table}'s distinct rows.`,
      amended,
    );
  }
  if (duplicated.length > 0) {
    const d = duplicated[0];
    return none(
      "conflicting_duplicate_keys",
      `Join fan-out: ${d.table}.${d.keys.join(", ")} has ${d.duplicateKeys} value(s) on more than one differing row, so the join repeats rows (${names}). Which row should win is a business rule: deduplicate ${d.table} or name the rule in the request.`,
    );
  }
  const unused = unusedJoins(spec);
  if (unused.length > 0) {
    const alias = unused[unused.length - 1];
    const amended: EtlSpec = {
      ...spec,
      sources: spec.sources.filter((s) => s.alias !== alias),
      joins: spec.joins.filter((j) => j.right !== alias),
    };
    return amend(
      "unused_join_fan_out",
      `Join fan-out: the join to ${alias} repeats rows but nothing in the result uses ${alias} (${names}). Repair: drop that join.`,
      amended,
    );
  }
  return none(
    "join_fan_out",
    `Join fan-out: a one-to-many join repeats rows that are then aggregated (${names}). Aggregate the detail rows first or leave that join out of the request.`,
  );
}
