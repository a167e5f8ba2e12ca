import Link from "next/link";
import type { ReactNode } from "react";
import { DataGrid } from "@/app/_components/data-grid";
import { PREVIEW_PAGE_SIZE, type Preview } from "@/lib/runs/preview";
import styles from "./result-preview.module.css";

type ResultPreviewProps = {
  preview: Preview;
  /** Columns whose cells are numbers by their type: right-aligned and rounded for reading. */
  numeric: ReadonlySet<string>;
  sorting: { column: string | null; direction: "asc" | "desc"; hrefs: Record<string, string> };
  pageHref: (page: number) => string;
  csvHref: string;
  chart?: ReactNode;
  /** Why the chart the spec calls for is not drawn (too many bars), shown above the grid. */
  chartNote?: string;
};

/** The published table, 100 rows a page, sortable by any column, beside its chart. */
export function ResultPreview({ preview, numeric, sorting, pageHref, csvHref, chart, chartNote }: ResultPreviewProps) {
  const pages = Math.max(1, Math.ceil(preview.total / PREVIEW_PAGE_SIZE));
  const from = preview.page * PREVIEW_PAGE_SIZE;
  return (
    <section className="card stack" data-testid="preview" aria-labelledby="result-title">
      <div className={styles.head}>
        <h2 id="result-title">Result</h2>
        <div className="row muted">
          {preview.total > 0 && (
            <>
              Rows {from + 1}–{Math.min(preview.total, from + PREVIEW_PAGE_SIZE)} of{" "}
              {preview.total.toLocaleString("en-US")}
            </>
          )}
          {preview.page > 0 && (
            <Link className="button secondary" href={pageHref(preview.page - 1)} scroll={false}>
              Previous
            </Link>
          )}
          {preview.page + 1 < pages && (
            <Link className="button secondary" href={pageHref(preview.page + 1)} scroll={false}>
              Next
            </Link>
          )}
          <a className="button secondary" href={csvHref} download data-testid="download-csv">
            Download CSV
          </a>
        </div>
      </div>
      {chartNote && preview.total > 0 && (
        <p className="muted chart-caption" data-testid="chart-note">
          {chartNote}
        </p>
      )}
      {preview.total === 0 ? (
        <div className="empty">The published table has no rows.</div>
      ) : (
        <div className={`${styles.layout} ${chart ? styles.withChart : ""}`}>
          {chart}
          <DataGrid
            columns={preview.columns}
            rows={preview.rows}
            numeric={numeric}
            label="Result rows"
            sorting={sorting}
          />
        </div>
      )}
    </section>
  );
}
