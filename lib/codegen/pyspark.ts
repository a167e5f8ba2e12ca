import type { Catalog } from "@/lib/catalog/types";
import { EtlSpecSchema, type EtlSpec } from "@/lib/spec/etl-spec";
import { CodegenError } from "@/lib/codegen/codegen-error";
import { shapeQuery, type QueryShape } from "@/lib/codegen/query-shape";
import { buildScope } from "@/lib/codegen/scope";
import { quoteIdent } from "@/lib/codegen/sql-quote";
import {
  colPy,
  derivedOutputPy,
  expressionFilterPy,
  filterPy,
  outputExprPy,
  py,
} from "@/lib/codegen/pyspark-expression";
import { isDerivedOutput } from "@/lib/spec/output-column";
import { jdbcPreamble, type GlueJdbcArgs } from "@/lib/codegen/pyspark-jdbc";
import { existsPy } from "@/lib/codegen/pyspark-exists";
import { isExistsFilter, type Filter } from "@/lib/spec/clauses";

export { GLUE_SCRIPT_ARGS, type GlueJdbcArgs } from "@/lib/codegen/pyspark-jdbc";

/**
 * Compiles a spec to an AWS Glue PySpark script: reads the sources over JDBC, applies the
 * same joins, filters, grain, aggregates, order and limit as `compileSql` (same output columns
 * in the same order) and overwrites the target table named by a job argument. The database
 * credentials come from a Glue connection unless `jdbc` says otherwise.
 */
export function compilePySpark({
  spec,
  catalog,
  jdbc = {},
}: {
  spec: EtlSpec;
  catalog: Catalog;
  jdbc?: GlueJdbcArgs;
}): string {
  const parsed = EtlSpecSchema.safeParse(spec);
  if (!parsed.success)
    throw new CodegenError("invalid_spec", `invalid spec: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const preamble = jdbcPreamble(jdbc);
  const scope = buildScope(spec.sources, catalog);
  const shape = shapeQuery(spec, (alias) => scope.table(alias).primaryKey);
  const v = (alias: string) => `src_${alias.replace(/[^A-Za-z0-9_]/g, "_")}`;
  // A filter on one DataFrame: a Column condition, or a semi/anti join for an existence check.
  let checks = 0;
  const applyFilter = (df: string, f: Filter): string[] =>
    isExistsFilter(f)
      ? existsPy(f, scope, df, `related_${++checks}`)
      : f.op === "expression"
        ? [`${df} = ${df}.filter(${expressionFilterPy(f, scope)})`]
        : [`${df} = ${df}.filter(${filterPy(f, scope)})`];
  const out: string[] = [
    `# DataMorph: ${spec.target.table}`,
    // Every line break Python knows ends a comment, so each piece gets its own "#".
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are the line breaks being split on
    ...spec.prompt.split(/[\r\n\u2028\u2029\x85\x0b\x0c]+/).map((l) => `# ${l}`),
    "import sys",
    "",
    "from awsglue.context import GlueContext",
    "from awsglue.utils import getResolvedOptions",
    "from pyspark.context import SparkContext",
    "from pyspark.sql import functions as F",
    // Only a share needs a window (the total over every row).
    ...(spec.columns.some((c) => c.expr.kind === "share") || spec.limit?.per ? ["from pyspark.sql import Window"] : []),
    "",
    ...preamble.lines,
    "",
    "",
    "def read_table(name):",
    '    return spark.read.format("jdbc").options(**jdbc_options).option("dbtable", name).load()',
    "",
    "",
  ];
  for (const source of spec.sources) {
    const table = scope.table(source.alias);
    const read = `read_table(${py(`${quoteIdent(table.schema)}.${quoteIdent(table.name)}`)})${source.distinct ? ".distinct()" : ""}`;
    out.push(`${v(source.alias)} = ${read}.alias(${py(source.alias)})`);
    // Like SQL's ON clause: filters on a left join's optional side apply before the join.
    for (const f of shape.joinFilters.get(source.alias) ?? []) out.push(...applyFilter(v(source.alias), f));
  }
  out.push("", `df = ${v(spec.sources[0].alias)}`);
  for (const join of spec.joins) {
    const on = join.on
      .map(
        (k) =>
          `(${colPy({ source: join.right, column: k.right }, scope)} == ${colPy({ source: join.left, column: k.left }, scope)})`,
      )
      .join(" & ");
    out.push(`df = df.join(${v(join.right)}, ${on}, ${py(join.type)})`);
  }
  for (const f of shape.whereFilters) out.push(...applyFilter("df", f));
  const select = (names: string[]) =>
    names.map(
      (name) => `    ${outputExprPy(spec.columns.find((c) => c.name === name)!.expr, scope)}.alias(${py(name)}),`,
    );
  if (shape.aggregated) {
    const aggregates = spec.columns.filter((c) => c.expr.kind === "aggregate").map((c) => c.name);
    out.push(
      shape.groupOutputs.length > 0 ? "df = df.groupBy(" : "df = df.groupBy().agg(",
      ...(shape.groupOutputs.length > 0 ? [...select(shape.groupOutputs), ").agg("] : []),
      ...select(aggregates),
      ")",
    );
    for (const h of spec.having)
      out.push(`df = df.filter(F.col(${py(h.output)}) ${h.op === "=" ? "==" : h.op} F.lit(${h.value}))`);
    for (const c of spec.columns)
      if (isDerivedOutput(c.expr)) out.push(`df = df.withColumn(${py(c.name)}, ${derivedOutputPy(c.expr)})`);
  } else {
    out.push("df = df.select(", ...select(spec.columns.map((c) => c.name)), ")");
    if (spec.distinct) out.push("df = df.distinct()");
  }
  const sortKeys = (order: QueryShape["order"]) =>
    order.map((o) => `F.col(${py(o.output)}).${o.direction}_nulls_last()`).join(", ");
  const per = spec.limit?.per;
  if (per) {
    // The first rows of every group: numbered within the group in the table's order, then kept.
    out.push(
      `rank_window = Window.partitionBy(${per.map((n) => `F.col(${py(n)})`).join(", ")}).orderBy(${sortKeys(shape.order)})`,
      `df = df.withColumn("rank_in_group", F.row_number().over(rank_window)).filter(F.col("rank_in_group") <= F.lit(${spec.limit!.count})).drop("rank_in_group")`,
      `df = df.orderBy(${sortKeys(shape.groupedOrder)})`,
    );
  } else {
    if (shape.order.length > 0) out.push(`df = df.orderBy(${sortKeys(shape.order)})`);
    if (spec.limit) out.push(`df = df.limit(${spec.limit.count})`);
  }
  out.push(`df = df.select(${spec.columns.map((c) => py(c.name)).join(", ")})`);
  out.push(
    "",
    `df.write.format("jdbc").options(**jdbc_options).option("dbtable", args[${py(preamble.targetVar)}]).mode("overwrite").save()`,
    "",
  );
  return out.join("\n");
}
