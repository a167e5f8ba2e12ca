import { isNumericType } from "@/app/_components/data-grid";
import { readResultChart } from "@/lib/charts/chart-points";
import { getRoleClients } from "@/lib/db";
import type { Run } from "@/lib/db/schema";
import { logError } from "@/lib/log/safe-log";
import { previewTable } from "@/lib/runs/preview";
import { parseSortKey, resultOrder, type SortKey } from "@/lib/runs/result-order";
import { describeResultTable } from "@/lib/runs/result-table";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { ResultChart } from "./result-chart";
import { ResultPreview } from "./result-preview";

/** What the run page's URL says about its result: `?page=2&sort=amount&dir=desc`. */
export type ResultQuery = { page?: string; sort?: string; dir?: string };

function urlOf(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
  return query.size > 0 ? `${path}?${query}` : path;
}

/**
 * A succeeded run's published table, read through the reader login: its chart, and a grid that
 * sorts by any column (by default in the spec's ORDER BY), pages, and downloads as CSV.
 */
export async function RunResult({ run, spec, query }: { run: Run; spec: EtlSpec | null; query: ResultQuery }) {
  const schema = run.targetSchema!;
  const table = run.targetTable!;
  const reader = (await getRoleClients()).reader;
  const columns = await describeResultTable(reader, { schema, table });
  if (!columns) return null;
  const names = columns.map((c) => c.name);
  const requested = parseSortKey(query.sort, query.dir);
  const sorted = requested && names.includes(requested.column) ? requested : null;
  const order = resultOrder({ spec, columns: names, requested: sorted });
  const page = Math.max(0, Number(query.page ?? 0) || 0);
  const [preview, chart] = await Promise.all([
    previewTable(reader, { schema, table, page, order, columns }),
    spec
      ? readResultChart(reader, { schema, table, spec, columns }).catch((error: unknown) => {
          // The grid still shows the result; a chart that cannot be drawn is only logged.
          logError(`chart of run ${run.id} could not be read`, error);
          return null;
        })
      : null,
  ]);
  if (!preview) return null;

  const path = `/runs/${run.id}`;
  const sortParams = sorted ? { sort: sorted.column, dir: sorted.direction } : {};
  const [active] = order;
  const hrefs = Object.fromEntries(
    names.map((column) => {
      const next: SortKey["direction"] = active?.column === column && active.direction === "asc" ? "desc" : "asc";
      return [column, urlOf(path, { sort: column, dir: next })];
    }),
  );
  return (
    <ResultPreview
      preview={preview}
      numeric={new Set(columns.filter((c) => isNumericType(c.type)).map((c) => c.name))}
      sorting={{ column: active?.column ?? null, direction: active?.direction ?? "asc", hrefs }}
      pageHref={(p) => urlOf(path, { page: p > 0 ? p : undefined, ...sortParams })}
      csvHref={urlOf(`/api/runs/${run.id}/result.csv`, sortParams)}
      chart={chart && "points" in chart ? <ResultChart chart={chart} /> : undefined}
      chartNote={
        chart && "tooMany" in chart
          ? `${chart.choice.title}: ${chart.tooMany.toLocaleString("en-US")} ${chart.choice.kind === "line" ? "points" : "bars"} are too many to draw; the table lists them.`
          : undefined
      }
    />
  );
}
