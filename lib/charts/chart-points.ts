import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { orderBySql } from "@/lib/runs/result-order";
import type { ResultColumn } from "@/lib/runs/result-table";
import { qualified } from "@/lib/warehouse/tables";
import { chooseChart, type ChartChoice } from "./choose-chart";
import type { EtlSpec } from "@/lib/spec/etl-spec";

/** More bars than this could not be told apart or labelled: the grid shows such a result. */
export const MAX_BARS = 40;
/** A line of daily points over a few years still reads; past this it would be a smear. */
export const MAX_LINE_POINTS = 1500;

export type ChartPoint = { label: string; value: number | null };

/** What the run page draws: the chart with its points, or why there is none though the spec asks for one. */
export type ResultChart = { choice: ChartChoice; points: ChartPoint[] } | { choice: ChartChoice; tooMany: number };

const NUMERIC_TYPE = /^(smallint|integer|bigint|numeric|real|double precision)\b/;

/**
 * The points of the chart a result is drawn as, read from its published table in one read-only
 * transaction; null when the spec calls for no chart or the measure is not a number.
 */
export async function readResultChart(
  sql: SqlClient,
  { schema, table, spec, columns }: { schema: string; table: string; spec: EtlSpec; columns: ResultColumn[] },
): Promise<ResultChart | null> {
  const types = Object.fromEntries(columns.map((c) => [c.name, c.type]));
  const choice = chooseChart(spec, types);
  if (!choice) return null;
  const labels = choice.kind === "line" ? [choice.x] : choice.labels;
  if (!NUMERIC_TYPE.test(types[choice.y] ?? "") || labels.some((l) => !(l in types))) return null;
  const label = labels.map((l) => `t.${quoteIdent(l)}::text`).join(", ");
  const value = `t.${quoteIdent(choice.y)}::float8`;
  const cap =
    choice.kind === "line"
      ? MAX_LINE_POINTS
      : choice.kind === "sorted-bar"
        ? Math.min(choice.limit, MAX_BARS)
        : MAX_BARS;
  const order =
    choice.kind === "line"
      ? [{ column: choice.x, direction: "asc" as const }]
      : choice.kind === "sorted-bar"
        ? [{ column: choice.y, direction: choice.direction }]
        : choice.order;
  return sql.begin("read only", async (tx) => {
    const name = qualified(schema, table);
    if (choice.kind !== "sorted-bar") {
      const [{ total }] = await tx.unsafe(`select count(*)::int as total from ${name}`);
      if (total > cap) return { choice, tooMany: total };
    }
    const rows = await tx.unsafe(
      `select concat_ws(' · ', ${label}) as label, ${value} as value from ${name} t ${orderBySql(order, "t")} limit ${cap}`,
    );
    return {
      choice,
      points: rows.map((r) => ({
        label: shortDate(String(r.label)),
        value: r.value === null ? null : Number(r.value),
      })),
    };
  });
}

// A period bucket prints as midnight of its first day: the day says it all.
const shortDate = (label: string) => label.replace(/^(\d{4}-\d{2}-\d{2}) 00:00:00(\+00)?$/, "$1");
