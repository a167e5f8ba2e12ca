import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { OutputColumn } from "@/lib/spec/output-column";

type Direction = "asc" | "desc";

/**
 * How a result is drawn, read from its spec. A line runs along one period column `x`; a bar is
 * one row, labelled by its key columns `labels` (the group-by keys, such as a customer's id and
 * name). `y` is the measure; `order` the order the rows are read in.
 */
export type ChartChoice =
  | { kind: "line"; x: string; y: string; title: string }
  | { kind: "bar"; labels: string[]; y: string; title: string; order: { column: string; direction: Direction }[] }
  | { kind: "sorted-bar"; labels: string[]; y: string; title: string; direction: Direction; limit: number };

const DATE_TYPE = /^(date|timestamp)/;

const isMeasure = (column: OutputColumn) => column.expr.kind === "aggregate";
const isKey = (column: OutputColumn) => column.expr.kind === "column";

/**
 * The chart a result is best seen as, or null when none says more than the grid: a period with
 * a measure is a line, a ranked top-N bars sorted by the measure it ranks by, any other
 * category with a measure bars in the request's order. Listed rows (no measure), one summary
 * row (no key) and a period split by another key (several lines) have no chart.
 * `types` (output column → Postgres type) lets a date key that is not bucketed draw as a line.
 */
export function chooseChart(spec: EtlSpec, types: Record<string, string> = {}): ChartChoice | null {
  const measures = spec.columns.filter(isMeasure);
  const keys = spec.columns.filter(isKey);
  if (measures.length === 0 || keys.length === 0) return null;
  // The measure the request ranks by, else the first one it asks for.
  const ranked = spec.orderBy.find((o) => measures.some((m) => m.name === o.output));
  const y = ranked?.output ?? measures[0].name;
  const timed = keys.filter(
    (k) => (k.expr.kind === "column" && k.expr.bucket !== undefined) || DATE_TYPE.test(types[k.name] ?? ""),
  );
  if (timed.length > 0)
    return keys.length === 1 ? { kind: "line", x: timed[0].name, y, title: `${y} by ${timed[0].name}` } : null;
  const labels = keys.map((k) => k.name);
  const by = labels.join(", ");
  // The first rows of each group are no single ranking to draw as one sorted bar chart.
  if (spec.limit && ranked && !spec.limit.per) {
    return {
      kind: "sorted-bar",
      labels,
      y,
      title: `${ranked.direction === "desc" ? "Top" : "Bottom"} ${spec.limit.count} by ${y}`,
      direction: ranked.direction,
      limit: spec.limit.count,
    };
  }
  const order = spec.orderBy
    .filter((o) => spec.columns.some((c) => c.name === o.output))
    .map((o) => ({ column: o.output, direction: o.direction }));
  return {
    kind: "bar",
    labels,
    y,
    title: `${y} by ${by}`,
    order: order.length > 0 ? order : labels.map((column) => ({ column, direction: "asc" as const })),
  };
}
